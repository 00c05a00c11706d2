package dev.newsdesk.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A stand-in for the gallery CDN on 127.0.0.1 and a random port: {@code /download/NAME_wWhH.jpg}
 * answers a real JPEG of exactly W x H pixels, made on first request, the way the CDN's file
 * names promise. The image-service is allowed to fetch from it by the contract's literal-IP
 * exception ({@code NEWSDESK_IMAGE_ALLOWED_SOURCES=http://127.0.0.1:PORT/}).
 */
public final class GalleryOrigin implements AutoCloseable {

    private static final Pattern SIZED = Pattern.compile("/download/[A-Za-z0-9]+_w(\\d{1,4})h(\\d{1,4})\\.jpg");

    private final HttpServer server;
    private final Map<String, byte[]> made = new ConcurrentHashMap<>();
    /** Files a test placed under {@code /placed/}: path → content type and bytes, or a redirect's target. */
    private final Map<String, Placed> placed = new ConcurrentHashMap<>();

    private record Placed(String contentType, byte[] body, String location) {}

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    public GalleryOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "gallery-origin");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The allowed prefix for the image-service: {@code http://127.0.0.1:PORT/}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String url(String name) {
        return base() + "download/" + name;
    }

    /** Serves {@code body} as {@code contentType} at a new URL under this origin, and returns it. */
    public String place(String name, String contentType, byte[] body) {
        placed.put("/placed/" + name, new Placed(contentType, body, null));
        return base() + "placed/" + name;
    }

    /** Answers 302 to {@code target} at a new URL under this origin, and returns it. */
    public String redirect(String name, String target) {
        placed.put("/placed/" + name, new Placed(null, null, target));
        return base() + "placed/" + name;
    }

    /** How many requests for {@code name} (as given to {@link #url}) this origin has had. */
    public int requests(String name) {
        AtomicInteger count = asked.get("/download/" + name);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            asked.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger())
                    .incrementAndGet();
            Placed file = placed.get(exchange.getRequestURI().getPath());
            if (file != null && file.location() != null) {
                exchange.getResponseHeaders().add("Location", file.location());
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            if (file != null) {
                exchange.getResponseHeaders().add("Content-Type", file.contentType());
                exchange.sendResponseHeaders(200, file.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(file.body());
                }
                return;
            }
            Matcher sized = SIZED.matcher(exchange.getRequestURI().getPath());
            if (!sized.matches()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = made.computeIfAbsent(
                    exchange.getRequestURI().getPath(),
                    path -> jpeg(Integer.parseInt(sized.group(1)), Integer.parseInt(sized.group(2))));
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static byte[] jpeg(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 80, 160), w, h, new Color(230, 210, 120)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(180, 40, 40));
        g.fillRect(w / 5, h / 5, w / 3, h / 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

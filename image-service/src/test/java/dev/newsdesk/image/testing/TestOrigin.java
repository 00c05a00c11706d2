package dev.newsdesk.image.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP origin on 127.0.0.1 and a random port, standing in for the CDN: serves files
 * under {@code /files/}, and a few misbehaviours: {@code /redirect?to=URL} (302),
 * {@code /slow} (answers after 5 s), {@code /chunked/NAME} (chunked body), {@code /page}
 * (an HTML page); anything else is 404. Counts requests so tests can prove what was fetched.
 */
public final class TestOrigin implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    public TestOrigin() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "test-origin");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public TestOrigin serve(Map<String, byte[]> more) {
        files.putAll(more);
        return this;
    }

    public TestOrigin serve(String name, byte[] bytes) {
        files.put(name, bytes);
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}: the allowed prefix under the contract's literal-IP exception. */
    public String base() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public String url(String name) {
        return base() + "files/" + name;
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        try (exchange) {
            if (path.startsWith("/files/") && files.containsKey(path.substring(7))) {
                send(exchange, 200, contentType(path), files.get(path.substring(7)), false);
            } else if (path.startsWith("/chunked/") && files.containsKey(path.substring(9))) {
                send(exchange, 200, contentType(path), files.get(path.substring(9)), true);
            } else if (path.equals("/redirect") && query != null && query.startsWith("to=")) {
                exchange.getResponseHeaders()
                        .add("Location", URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/slow")) {
                sleep(5000);
                send(exchange, 200, "image/jpeg", new byte[10], false);
            } else if (path.equals("/page")) {
                send(
                        exchange,
                        200,
                        "text/html",
                        "<!doctype html><title>not an image</title><p>hello</p>".getBytes(),
                        false);
            } else if (path.equals("/error")) {
                send(exchange, 500, "text/plain", "boom".getBytes(), false);
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(), false);
            }
        }
    }

    private static String contentType(String path) {
        return path.endsWith(".png")
                ? "image/png"
                : path.endsWith(".gif") ? "image/gif" : path.endsWith(".webp") ? "image/webp" : "image/jpeg";
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.newsdesk.article.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * image-service's info request as article-service's tests need it, on a free loopback port for
 * the whole suite: the colour is a function of the image URL ({@link #colorOf}); a URL containing
 * {@code flaky} is answered 503 twice before it succeeds, one containing {@code notimage} 422
 * (the real service against real files is e2e's {@code PlaceholderFlowTest}).
 */
@QuarkusTestResource(StubImageService.class)
public class StubImageService implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

    /** The colour this stub reports for the image at {@code url}. */
    public static String colorOf(String url) {
        return String.format(Locale.ROOT, "#%06x", url.hashCode() & 0xffffff);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/img/", this::handle);
        server.start();
        return Map.of(
                "quarkus.rest-client.image-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/"); // "", img, sig, info, source
            if (parts.length != 5 || !parts[3].equals("info")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String url = new String(Base64.getUrlDecoder().decode(parts[4]), StandardCharsets.UTF_8);
            int n = asked.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
            if (url.contains("notimage")) {
                exchange.sendResponseHeaders(422, -1);
                return;
            }
            if (url.contains("flaky") && n <= 2) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            byte[] body = ("{\"width\":700,\"height\":500,\"format\":\"jpeg\",\"color\":\"" + colorOf(url)
                            + "\",\"thumbhash\":\"3xgGawi6cLdXdoZ4eIB3EAg=\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

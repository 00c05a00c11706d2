package dev.newsdesk.feed.source;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WebSub hub over real HTTP that only records the publish pings it receives. */
public final class FakeHub implements AutoCloseable {

    private final HttpServer server;
    private final List<String> pings = new CopyOnWriteArrayList<>();

    public FakeHub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hub", exchange -> {
            try (exchange) {
                pings.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hub";
    }

    /** Each ping as {@code METHOD CONTENT-TYPE BODY}. */
    public List<String> pings() {
        return pings;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

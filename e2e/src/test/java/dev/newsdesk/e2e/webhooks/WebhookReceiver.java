package dev.newsdesk.e2e.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP receiver on a loopback port, one path per behaviour: {@code /ok/…} answers 204,
 * {@code /flaky/…} 500 twice for each webhook-id and then 204, {@code /gone/…} 410, and
 * {@code /slow/…} holds each request for {@link #SLOW} before answering 204 (a delivery in flight
 * when a process is killed). Every request is kept with its arrival time and checked against the
 * path's secret with the Standard Webhooks reference library (the verification a real receiver
 * would do), never with newsdesk's own code.
 */
final class WebhookReceiver implements AutoCloseable {

    static final Duration SLOW = Duration.ofSeconds(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    record Received(String path, String webhookId, long timestamp, String body, long arrivedNanos, boolean verified) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Integer> flakyFailures = new ConcurrentHashMap<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** The prefix every receiver URL starts with, as NEWSDESK_WEBHOOK_ALLOWED_TARGETS needs it. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Tells the receiver the secret of the endpoint registered for {@code path}. */
    void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<Received> matching(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        received.add(new Received(
                path,
                id,
                timestamp == null ? -1 : Long.parseLong(timestamp),
                body,
                arrived,
                verified(path, body, exchange)));
        int status = 204;
        if (path.startsWith("/flaky/") && flakyFailures.merge(id, 1, Integer::sum) <= 2) {
            status = 500;
        } else if (path.startsWith("/gone/")) {
            status = 410;
        } else if (path.startsWith("/slow/")) {
            try {
                Thread.sleep(SLOW);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private boolean verified(String path, String body, HttpExchange exchange) {
        String secret = secrets.get(path);
        if (secret == null) {
            return false;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            List<String> values = exchange.getRequestHeaders().get(name);
            headers.put(name, values == null ? List.of() : new ArrayList<>(values));
        }
        try {
            new Webhook(secret).verify(body, headers);
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("The secret " + secret + " is not a Standard Webhooks secret", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

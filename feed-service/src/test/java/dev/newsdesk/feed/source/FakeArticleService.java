package dev.newsdesk.feed.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/**
 * A stand-in for article-service over real HTTP, serving the contract's read API from the
 * fixture {@code fake-articles.json}. Tests change, delete and add articles, or take it "down"
 * (every call answers 503), to drive the poller. Each change is logged for {@code /api/changes};
 * {@link #reset()} starts a new log, and cursors of the old one get 410, as expired cursors do.
 * It answers as the real one does where feed-service could tell: opaque string cursors and
 * {@code application/problem+json} errors. It is not held to article-service's OpenAPI document:
 * it leaves out fields feed-service does not read (status, blocks, displayName) and the ETag.
 */
public final class FakeArticleService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Long, ObjectNode> articles = new ConcurrentHashMap<>();
    private final List<ObjectNode> changes = new CopyOnWriteArrayList<>();
    private volatile int epoch;
    private volatile boolean down;
    private final AtomicInteger requests = new AtomicInteger();

    public FakeArticleService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        reset();
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to the fixture, up. */
    public void reset() {
        down = false;
        articles.clear();
        changes.clear();
        epoch++;
        try (InputStream in = FakeArticleService.class.getResourceAsStream("/fake-articles.json")) {
            for (JsonNode node : JSON.readTree(in)) {
                articles.put(node.get("id").asLong(), (ObjectNode) node);
                logChange((ObjectNode) node, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int requests() {
        return requests.get();
    }

    /** Edits an article the way article-service does: new version, new updatedAt. */
    public void retitle(long id, String title, String updatedAt) {
        ObjectNode article = articles.get(id);
        article.put("title", title)
                .put("updatedAt", updatedAt)
                .put("version", article.get("version").asLong() + 1);
        logChange(article, false);
    }

    public void delete(long id) {
        logChange(articles.remove(id), true);
    }

    /** A new article (the fixture's shape: id, slug, title, dates, categories, tags, ...). */
    public void add(ObjectNode article) {
        articles.put(article.get("id").asLong(), article);
        logChange(article, false);
    }

    private void logChange(ObjectNode article, boolean deleted) {
        changes.add(JSON.createObjectNode()
                .put("id", article.get("id").asLong())
                .put("slug", article.get("slug").asText())
                .put("version", article.get("version").asLong())
                .put("updatedAt", article.get("updatedAt").asText())
                .put("deleted", deleted));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (down) {
                problem(exchange, 503, "unavailable", "Service Unavailable", "taken down by the test");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/api/articles")) {
                send(exchange, 200, list(query));
            } else if (path.startsWith("/api/articles/")) {
                ObjectNode article = articles.get(Long.parseLong(path.substring("/api/articles/".length())));
                if (article == null) {
                    problem(exchange, 404, "not-found", "Not Found", "No article " + path);
                } else {
                    send(exchange, 200, article);
                }
            } else if (path.equals("/api/changes")) {
                changes(exchange, query);
            } else if (path.equals("/api/categories")) {
                send(exchange, 200, counts("categories"));
            } else if (path.equals("/api/tags")) {
                send(exchange, 200, counts("tags"));
            } else {
                problem(exchange, 404, "not-found", "Not Found", "No resource at " + path);
            }
        }
    }

    private JsonNode list(Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit " + limit);
        }
        int from = query.containsKey("cursor") ? position(query.get("cursor")) : 0;
        List<ObjectNode> matching = articles.values().stream()
                .filter(a -> !query.containsKey("category") || contains(a, "categories", query.get("category")))
                .filter(a -> !query.containsKey("tag") || contains(a, "tags", query.get("tag")))
                .sorted(Comparator.comparing((ObjectNode a) ->
                                OffsetDateTime.parse(a.get("publishedAt").asText()))
                        .reversed())
                .toList();
        ArrayNode items = JSON.createArrayNode();
        for (ObjectNode article :
                matching.subList(Math.min(from, matching.size()), Math.min(from + limit, matching.size()))) {
            ObjectNode summary = article.deepCopy();
            summary.remove("bodyHtml");
            summary.remove("blocks");
            items.add(summary);
        }
        ObjectNode page = JSON.createObjectNode();
        page.set("items", items);
        if (from + limit < matching.size()) {
            page.put("nextCursor", cursor(from + limit));
        } else {
            page.putNull("nextCursor");
        }
        return page;
    }

    /** Cursors are "epoch:position"; one from before the last reset is expired (410). */
    private void changes(HttpExchange exchange, Map<String, String> query) throws IOException {
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        int from = 0;
        if (query.containsKey("since")) {
            String[] cursor = query.get("since").split(":");
            if (Integer.parseInt(cursor[0]) != epoch) {
                problem(exchange, 410, "changes-expired", "Gone", "The cursor predates the log: re-sync");
                return;
            }
            from = Integer.parseInt(cursor[1]);
        }
        ArrayNode items = JSON.createArrayNode();
        List<ObjectNode> after =
                changes.subList(Math.min(from, changes.size()), Math.min(from + limit, changes.size()));
        after.forEach(items::add);
        ObjectNode page = JSON.createObjectNode();
        page.set("items", items);
        page.put("nextCursor", epoch + ":" + (from + after.size()));
        send(exchange, 200, page);
    }

    private JsonNode counts(String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode article : articles.values()) {
            article.get(field).forEach(name -> counts.merge(name.asText(), 1, Integer::sum));
        }
        ArrayNode out = JSON.createArrayNode();
        counts.forEach((name, count) ->
                out.add(JSON.createObjectNode().put("name", name).put("count", count)));
        return out;
    }

    private static boolean contains(ObjectNode article, String field, String value) {
        return StreamSupport.stream(article.get(field).spliterator(), false)
                .anyMatch(n -> n.asText().equals(value));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    /** Listing cursors are opaque to clients, as article-service's are: base64url of the position. */
    private static String cursor(int position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("p" + position).getBytes(StandardCharsets.US_ASCII));
    }

    private static int position(String cursor) {
        return Integer.parseInt(
                new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).substring(1));
    }

    private static void problem(HttpExchange exchange, int status, String slug, String title, String detail)
            throws IOException {
        ObjectNode problem = JSON.createObjectNode()
                .put("type", "https://newsdesk.dev/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", exchange.getRequestURI().getRawPath());
        send(exchange, status, problem, "application/problem+json");
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, body, "application/json");
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, String type) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

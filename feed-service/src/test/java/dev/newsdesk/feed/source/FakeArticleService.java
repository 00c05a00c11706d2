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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

/**
 * A stand-in for article-service over real HTTP, serving the read API feed-service calls from the
 * fixture {@code fake-articles.json}. Tests change, delete and add articles, or take it "down"
 * (every call answers 503), to drive the poller. Each change is logged for {@code /api/changes};
 * {@link #reset()} starts a new log, and cursors of the old one get 410, as expired cursors do.
 *
 * <p>It is held to article-service's OpenAPI document (e2e's FakeArticleServiceContractTest
 * validates every kind of answer against the document the build writes): every property the
 * document requires, with its type, even those feed-service does not read (status, blocks,
 * displayName); the {@code ETag} of an article; opaque string cursors; declared status codes
 * with {@code application/problem+json} bodies (404, 400 for a bad limit or cursor, 410). A
 * stand-in that drifted from the service would let feed-service pass against an article-service
 * that does not exist. The one answer the document does not declare is the 503 of "down": it
 * stands for an outage (a proxy or a failing instance), not for something article-service
 * chooses to answer, so it is only held to the problem schema.
 */
public final class FakeArticleService implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Long, ObjectNode> articles = new ConcurrentHashMap<>();
    private final List<ObjectNode> changes = new CopyOnWriteArrayList<>();
    private volatile int epoch;
    private volatile boolean down;
    private final AtomicInteger requests = new AtomicInteger();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger articleReadsInFlight = new AtomicInteger();
    private final AtomicInteger mostArticleReadsInFlight = new AtomicInteger();
    private volatile Duration articleReadTime = Duration.ZERO;

    public FakeArticleService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", this::handle);
        reset();
        // A thread per request, as article-service answers requests side by side.
        server.setExecutor(handlers);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to the fixture, up. */
    public void reset() {
        down = false;
        articleReadTime = Duration.ZERO;
        mostArticleReadsInFlight.set(0);
        articles.clear();
        changes.clear();
        epoch++;
        try (InputStream in = FakeArticleService.class.getResourceAsStream("/fake-articles.json")) {
            for (JsonNode node : JSON.readTree(in)) {
                ObjectNode article = complete((ObjectNode) node);
                articles.put(article.get("id").asLong(), article);
                logChange(article, false);
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

    /**
     * A new article: id, slug, title, dates, summary, bodyHtml, version, categories, tags, images,
     * source and leadImage (either may be null); what article-service always adds is filled in.
     */
    public void add(ObjectNode article) {
        complete(article);
        articles.put(article.get("id").asLong(), article);
        logChange(article, false);
    }

    /**
     * Fills in what article-service's document requires and a test may leave out: a published
     * status, blocks (one paragraph of the body's text, as the service derives them from the
     * body), a source object with null name and url rather than no source, and a lead image's
     * picture sources and placeholder.
     */
    private static ObjectNode complete(ObjectNode article) {
        if (!article.has("status")) {
            article.put("status", "published");
        }
        if (!article.has("blocks")) {
            String text = article.path("bodyHtml").asText("").replaceAll("<[^>]*>", "");
            article.putArray("blocks").addObject().put("type", "paragraph").put("text", text);
        }
        if (!article.has("images")) {
            article.putArray("images");
        }
        if (article.path("source").isNull() || article.path("source").isMissingNode()) {
            article.putObject("source").putNull("name").putNull("url");
        }
        if (article.get("leadImage") instanceof ObjectNode lead) {
            if (!lead.has("sources")) {
                lead.putArray("sources");
            }
            if (!lead.has("placeholder")) {
                lead.putNull("placeholder");
            }
        } else {
            article.putNull("leadImage");
        }
        return article;
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
            try {
                if (path.equals("/api/articles")) {
                    send(exchange, 200, list(query));
                } else if (path.startsWith("/api/articles/")) {
                    int inFlight = articleReadsInFlight.incrementAndGet();
                    mostArticleReadsInFlight.accumulateAndGet(inFlight, Math::max);
                    try {
                        Thread.sleep(articleReadTime);
                        article(exchange, path.substring("/api/articles/".length()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        articleReadsInFlight.decrementAndGet();
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
            } catch (InvalidField e) {
                ObjectNode problem =
                        problemBody(exchange, 400, "validation", "Invalid Input", e.field + " " + e.getMessage());
                problem.putArray("errors").addObject().put("field", e.field).put("message", e.getMessage());
                send(exchange, 400, problem, "application/problem+json");
            }
        }
    }

    /** A query parameter article-service would refuse with a validation problem (400). */
    private static final class InvalidField extends RuntimeException {
        final String field;

        InvalidField(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** By id, with the entity tag article-service sends ({@code "id-version"}), and 304 for a current one. */
    private void article(HttpExchange exchange, String rawId) throws IOException {
        ObjectNode article = rawId.matches("[0-9]{1,18}") ? articles.get(Long.parseLong(rawId)) : null;
        if (article == null) {
            problem(exchange, 404, "not-found", "Not Found", "No article " + rawId);
            return;
        }
        String etag =
                "\"" + article.get("id").asLong() + "-" + article.get("version").asLong() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        String held = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (held != null && List.of(held.split("\\s*,\\s*")).contains(etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, article);
    }

    private JsonNode list(Map<String, String> query) {
        int limit = limit(query, 20, 100);
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
            page.put("nextCursor", cursor("p" + (from + limit)));
        } else {
            page.putNull("nextCursor");
        }
        return page;
    }

    /** Cursors are opaque ("c" epoch "." position, base64url); one from before the last reset is expired (410). */
    private void changes(HttpExchange exchange, Map<String, String> query) throws IOException {
        int limit = limit(query, 100, 1000);
        int from = 0;
        if (query.containsKey("since") && !query.get("since").isBlank()) {
            String[] cursor = uncursor(query.get("since"), "since", 'c').split("\\.");
            if (cursor.length != 2 || !cursor[0].matches("[0-9]{1,9}") || !cursor[1].matches("[0-9]{1,9}")) {
                throw new InvalidField("since", "is not a cursor this service issued");
            }
            if (Integer.parseInt(cursor[0]) != epoch) {
                problem(
                        exchange,
                        410,
                        "changes-expired",
                        "Cursor expired",
                        "Changes after this cursor are no longer kept: re-sync from GET /api/articles,"
                                + " then follow GET /api/changes from its start");
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
        page.put("nextCursor", cursor("c" + epoch + "." + (from + after.size())));
        send(exchange, 200, page);
    }

    private static int limit(Map<String, String> query, int otherwise, int max) {
        String raw = query.get("limit");
        if (raw == null) {
            return otherwise;
        }
        if (!raw.matches("-?[0-9]{1,9}")) {
            throw new InvalidField("limit", "must be a number");
        }
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > max) {
            throw new InvalidField("limit", "must be between 1 and " + max);
        }
        return limit;
    }

    /**
     * Every category or tag with its count, most used first; its displayName is the name itself,
     * as article-service answers for a name it has neither configured nor learned from an import.
     */
    private JsonNode counts(String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (ObjectNode article : articles.values()) {
            article.get(field).forEach(name -> counts.merge(name.asText(), 1, Integer::sum));
        }
        ArrayNode out = JSON.createArrayNode();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.add(JSON.createObjectNode()
                        .put("name", e.getKey())
                        .put("displayName", e.getKey())
                        .put("count", e.getValue())));
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

    /** Cursors are opaque to clients, as article-service's are: base64url of a kind letter and a position. */
    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor's content after its kind letter; anything this fake did not issue is a 400, as there. */
    private static String uncursor(String cursor, String field, char kind) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(field, "is not a cursor this service issued");
        }
        if (plain.isEmpty() || plain.charAt(0) != kind) {
            throw new InvalidField(field, "is not a cursor this service issued");
        }
        return plain.substring(1);
    }

    private static int position(String cursor) {
        String position = uncursor(cursor, "cursor", 'p');
        if (!position.matches("[0-9]{1,9}")) {
            throw new InvalidField("cursor", "is not a cursor this service issued");
        }
        return Integer.parseInt(position);
    }

    private static void problem(HttpExchange exchange, int status, String slug, String title, String detail)
            throws IOException {
        send(exchange, status, problemBody(exchange, status, slug, title, detail), "application/problem+json");
    }

    private static ObjectNode problemBody(HttpExchange exchange, int status, String slug, String title, String detail) {
        return JSON.createObjectNode()
                .put("type", "https://newsdesk.dev/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", exchange.getRequestURI().getRawPath());
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

    /** How long each read of one article takes from now on (until {@link #reset}), so that reads overlap. */
    public void articleReadTime(Duration time) {
        articleReadTime = time;
    }

    /** The most reads of single articles answered at once since {@link #reset}. */
    public int mostArticleReadsInFlight() {
        return mostArticleReadsInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.close();
    }
}

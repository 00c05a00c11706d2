package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local cluster's edge, through a running nginx: the contract's paths reach their services
 * and nothing else is published; the search and writes are limited per client address (429, a
 * problem document, Retry-After, and the service never asked); reads are never limited; a write
 * body over 20 MB is refused by the edge (413, a problem document, the service never asked); the
 * HTTP listener answers every request with a redirect to the same path on https.
 * The bursts here use {@link Edge#sendOnce}; every other request waits a 429 out, so the classes
 * that run next need no pause to let the buckets refill.
 */
@ExtendWith(RunningCluster.class)
class EdgeLimitsTest {

    private static final String SEARCHES = "http_server_requests_seconds_count";

    @Test
    void theContractsPathsReachTheirServicesAndNothingElseIsPublished() {
        assertEquals(200, Edge.get("/api/articles?limit=1").statusCode());
        assertEquals(200, Edge.get("/").statusCode());
        assertEquals(200, Edge.get("/robots.txt").statusCode());
        assertEquals(200, Edge.get("/feeds/rss.xml").statusCode());
        HttpResponse<String> image = Edge.get("/img/unsafe/w:360/f:jpeg/aGVsbG8");
        assertEquals(403, image.statusCode(), "the image-service refuses unsigned URLs: " + image.body());
        for (String hidden : List.of("/q/metrics", "/q/health/ready", "/apix", "/imgx", "/search/x")) {
            HttpResponse<String> answer = Edge.get(hidden);
            assertEquals(404, answer.statusCode(), hidden);
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse(""),
                    hidden);
        }
    }

    @Test
    void searchesOverTheLimitGet429WithRetryAfterAndNeverReachTheService() throws Exception {
        double before = Edge.metric("article-service", SEARCHES, "uri=\"/search\"");
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<HttpResponse<String>> limited = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            HttpResponse<String> answer = Edge.getOnce("/search?q=%E8%AF%95%E7%82%B9" + i);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                limited.add(answer);
            }
        }
        // 5 a second, bursts of 20: 45 requests in about a second let through 20 to 30.
        assertTrue(statuses.getOrDefault(429, 0) >= 10, statuses.toString());
        assertEquals(45, statuses.getOrDefault(200, 0) + statuses.getOrDefault(429, 0), statuses.toString());
        for (HttpResponse<String> answer : limited) {
            assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
            assertEdgeProblem(answer, 429, "too-many-requests");
        }
        double answered = Edge.metric("article-service", SEARCHES, "uri=\"/search\"") - before;
        assertEquals(statuses.getOrDefault(200, 0), (int) answered, "only the searches let through reached a replica");
    }

    @Test
    void writesOverTheLimitGet429ButReadsOfArticlesFeedsAndImagesNever() throws Exception {
        JsonNode article = Edge.importGallery("集群限流：读取不受限", List.of("L1_w400h300.jpg"));
        String image = Edge.imageUrls(article)
                .get(0)
                .substring(RunningCluster.cluster().ingressUrl().length());
        Map<Integer, Integer> writes = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            writes.merge(Edge.sendOnce(Edge.create("限流写入 " + i)).statusCode(), 1, Integer::sum);
        }
        // 5 a second, bursts of 10.
        assertTrue(writes.getOrDefault(429, 0) >= 5, writes.toString());
        assertEquals(30, writes.getOrDefault(201, 0) + writes.getOrDefault(429, 0), writes.toString());

        Map<Integer, Integer> reads = new TreeMap<>();
        for (int i = 0; i < 60; i++) {
            for (String path : List.of(
                    "/api/articles/" + article.get("id").asLong(),
                    "/articles/" + article.get("slug").asText(),
                    "/api/articles?limit=5",
                    "/feeds/rss.xml",
                    image)) {
                reads.merge(Edge.getOnce(path).statusCode(), 1, Integer::sum);
            }
        }
        assertEquals(Map.of(200, 300), reads, "reads are never limited");
    }

    @Test
    void aWriteBodyOverTwentyMegabytesIsRefusedAtTheEdgeAndOneJustUnderReachesTheService() throws Exception {
        // Each request carries a marker the service ignores, to find it in the edge's access log.
        String over = "over-" + System.nanoTime();
        String under = "under-" + System.nanoTime();

        HttpResponse<String> refused = Edge.send(zipImport(20 * 1024 * 1024 + 1, over));
        assertEquals(413, refused.statusCode(), refused.body());
        assertEdgeProblem(refused, 413, "payload-too-large");

        // Within the limit the edge passes the body on, and the service itself judges it: not a zip.
        HttpResponse<String> passed = Edge.send(zipImport(20 * 1024 * 1024 - 4096, under));
        assertEquals(400, passed.statusCode(), passed.body());
        assertEquals(
                "application/problem+json",
                passed.headers().firstValue("Content-Type").orElse(""));

        // The access log's upstream field: "-" when nginx answered alone, a replica's address otherwise.
        assertEquals(List.of("413 -"), accessLog(over), "the oversized body never reached a replica");
        List<String> reached = accessLog(under);
        assertEquals(1, reached.size(), reached.toString());
        assertTrue(reached.get(0).matches("400 127\\.0\\.0\\.1:\\d+"), reached.toString());
    }

    @Test
    void theHttpListenerAnswersEveryRequestWithARedirectToTheSamePathOnHttps() {
        String writes = "method=\"POST\"";
        double before = Edge.metric("article-service", "http_server_requests_seconds_count", writes);
        String base = RunningCluster.cluster().redirectUrl();
        for (String path : List.of(
                "/", "/articles/some-story?utm_source=app", "/api/articles?limit=1", "/q/metrics", "/img/x/y")) {
            HttpResponse<String> answer = Edge.sendOnce(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .build());
            assertEquals(301, answer.statusCode(), path);
            assertEquals(
                    "https://localhost" + path,
                    answer.headers().firstValue("Location").orElse(""),
                    path);
        }
        HttpResponse<String> write = Edge.sendOnce(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"明文写入\"}"))
                .build());
        assertEquals(301, write.statusCode(), write.body());
        assertEquals(
                "https://localhost/api/articles",
                write.headers().firstValue("Location").orElse(""));
        double after = Edge.metric("article-service", "http_server_requests_seconds_count", writes);
        assertEquals(before, after, "nothing sent over plain HTTP reaches a service");
    }

    /** An answer the edge made itself: a problem document of this status and type (CONTRACT.md, "Errors"). */
    private static void assertEdgeProblem(HttpResponse<String> answer, int status, String type) throws IOException {
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = Edge.JSON.readTree(answer.body());
        assertEquals(status, problem.get("status").asInt());
        assertEquals(
                "https://newsdesk.dev/problems/" + type, problem.get("type").asText());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), answer.body());
    }

    /**
     * A zip import of {@code size} zero bytes, announced with {@code Expect: 100-continue} as curl
     * does for large bodies: the edge can refuse on the length alone before the body is sent.
     */
    private static HttpRequest zipImport(int size, String marker) {
        return HttpRequest.newBuilder(Edge.url("/api/import?edge-test=" + marker))
                .timeout(Duration.ofSeconds(60))
                .expectContinue(true)
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size]))
                .build();
    }

    /** "status upstream" of each request in the edge's access log whose line contains {@code marker}. */
    /**
     * The status and upstream of the access-log lines with {@code marker}. nginx writes a line
     * after it has sent the answer, so a client can hold the answer first: read until a line is
     * there, for at most 5 s.
     */
    private static List<String> accessLog(String marker) throws IOException, InterruptedException {
        Path log = RunningCluster.cluster().nginxPrefix().resolve("logs/access.log");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lines;
        do {
            lines = Files.readAllLines(log).stream()
                    .filter(line -> line.contains(marker))
                    .map(line -> line.substring(line.indexOf("\" ") + 2).split(" "))
                    .map(fields -> fields[0] + " " + fields[1])
                    .toList();
            if (lines.isEmpty()) {
                Thread.sleep(50);
            }
        } while (lines.isEmpty() && System.nanoTime() < deadline);
        return lines;
    }
}

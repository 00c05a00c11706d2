package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.importNew;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.changes.ChangeListener;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.http.MetricSamples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With no room in memory, every read after the first comes from the article's file on this
 * replica's disk, and must be the answer the resource gives: same status, headers and bytes, a
 * 304 to its ETag, gzip when asked. A write retires the file at once; a listener that lost its
 * connection makes every file untrusted until it is back, and then they are gone.
 */
@QuarkusTest
@TestProfile(ArticleFilesRouteTest.NoMemoryTier.class)
class ArticleFilesRouteTest {

    public static class NoMemoryTier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.article-cache-bytes", "1");
        }
    }

    private static final String GETS = "cache_gets_total";
    private static final String FILES = "cache=\"article-files\"";

    @Inject
    ChangeListener listener;

    @Inject
    Event<ChangesMissed> forgetCaches;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @Test
    void aReadFromTheFileIsTheResourcesAnswer() throws IOException, InterruptedException {
        String word = unique("长尾");
        long id = importNew(post(word + "标题", "2024-06-02 10:00:00 +0800", "宏观", "文件", "<p>正文" + word + "。</p>"));

        forgetCaches.fire(new ChangesMissed()); // whatever the import kept, the next read is the resource's
        double hitsBefore = fileHits();
        Response miss = given().get("/api/articles/" + id);
        assertEquals(hitsBefore, fileHits(), "the first read was the resource's");
        Response fromFile = given().get("/api/articles/" + id);
        assertEquals(hitsBefore + 1, fileHits(), "the second read came from the file");
        assertEquals(200, fromFile.statusCode());
        assertEquals(miss.contentType(), fromFile.contentType());
        assertEquals(miss.header("ETag"), fromFile.header("ETag"));
        // Without Accept-Encoding (RestAssured always sends one): the file as is, with its length.
        HttpResponse<byte[]> plain = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        RestAssured.baseURI + ":" + RestAssured.port + "/api/articles/" + id))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, plain.statusCode());
        assertEquals(
                Optional.of(String.valueOf(miss.asByteArray().length)),
                plain.headers().firstValue("Content-Length"));
        assertArrayEquals(miss.asByteArray(), plain.body());
        assertArrayEquals(miss.asByteArray(), fromFile.asByteArray());
        assertEquals("nosniff", fromFile.header("X-Content-Type-Options"));

        given().header("If-None-Match", miss.header("ETag"))
                .get("/api/articles/" + id)
                .then()
                .statusCode(304)
                .header("ETag", miss.header("ETag"));

        Response gzip = given().header("Accept-Encoding", "gzip")
                .config(io.restassured.RestAssured.config()
                        .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig()
                                .noContentDecoders()))
                .get("/api/articles/" + id);
        assertEquals("gzip", gzip.header("Content-Encoding"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.asByteArray()))) {
            assertArrayEquals(miss.asByteArray(), in.readAllBytes());
        }
    }

    @Test
    void aPageReadKeepsNoFile() {
        String word = unique("页面");
        long id = importNew(post(word + "标题", "2024-06-05 10:00:00 +0800", "宏观", "文件", "<p>正文。</p>"));
        String slug = given().get("/api/articles/" + id).jsonPath().getString("slug");
        forgetCaches.fire(new ChangesMissed());

        given().get("/articles/" + slug).then().statusCode(200);
        double hits = fileHits();
        given().get("/api/articles/" + id).then().statusCode(200);
        assertEquals(hits, fileHits(), "the page's read of the article wrote its file");
        given().get("/api/articles/" + id).then().statusCode(200);
        assertEquals(hits + 1, fileHits(), "the API's read did not");
    }

    @Test
    void aWriteRetiresTheFileAtOnce() {
        String word = unique("改写");
        long id = importNew(post(word + "标题", "2024-06-03 10:00:00 +0800", "宏观", "文件", "<p>旧正文。</p>"));
        String before = given().get("/api/articles/" + id).header("ETag");
        given().get("/api/articles/" + id).then().statusCode(200); // from the file

        given().header("Authorization", "Bearer test-token")
                .header("If-Match", before)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        word + "新标题",
                        "publishedAt",
                        "2024-06-03T10:00:00+08:00",
                        "categories",
                        List.of("hongguan"),
                        "tags",
                        List.of(),
                        "bodyHtml",
                        "<p>新正文。</p>"))
                .put("/api/articles/" + id)
                .then()
                .statusCode(200);
        Response after = given().get("/api/articles/" + id);
        assertNotEquals(before, after.header("ETag"));
        assertTrue(after.asString().contains("新正文"), after.asString());

        given().header("Authorization", "Bearer test-token")
                .delete("/api/articles/" + id)
                .then()
                .statusCode(204);
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void filesAreNotTrustedWithoutTheListenerAndAreGoneAfterItReconnects() throws Exception {
        long readWhileAway =
                importNew(post(unique("断开时读") + "标题", "2024-06-04 10:00:00 +0800", "宏观", "文件", "<p>正文。</p>"));
        long keptBefore = importNew(post(unique("重连前存") + "标题", "2024-06-04 11:00:00 +0800", "宏观", "文件", "<p>正文。</p>"));
        given().get("/api/articles/" + readWhileAway).then().statusCode(200); // kept as a file
        given().get("/api/articles/" + keptBefore).then().statusCode(200);

        try (Connection c = DriverManager.getConnection(url, username.orElse(null), null);
                Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'article-service change listener'");
        }
        long start = System.nanoTime();
        while (listener.listening()) {
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the listener did not notice");
            Thread.sleep(10);
        }
        // Away, or back already and everything dropped: either way not from the file.
        double hits = fileHits();
        given().get("/api/articles/" + readWhileAway).then().statusCode(200);
        assertEquals(hits, fileHits(), "a file was served while no notification could retire it");
        while (!listener.listening()) {
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "the listener did not reconnect");
            Thread.sleep(10);
        }
        given().get("/api/articles/" + keptBefore).then().statusCode(200);
        assertEquals(hits, fileHits(), "a file kept before the reconnection was served after it");
    }

    private static double fileHits() {
        return MetricSamples.sum(given().get("/q/metrics").asString(), GETS, FILES, "result=\"hit\"");
    }
}

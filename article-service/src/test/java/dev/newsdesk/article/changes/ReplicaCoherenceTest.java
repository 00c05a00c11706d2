package dev.newsdesk.article.changes;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * Another replica's writes reach this one's caches through LISTEN/NOTIFY. "Another replica" is a
 * transaction of the test's own that writes the article and its change-log rows with
 * {@link ChangeLog#writeRows}, as every replica's ChangeLog does, but without the in-process
 * event: only the database's notification can make this replica drop its cached copy, within
 * the second the cluster promises (the TTLs are 10 s for an article).
 */
@QuarkusTest
class ReplicaCoherenceTest {

    private static final Duration PROMISE = Duration.ofSeconds(1);

    @Inject
    ChangeListener listener;

    @Inject
    ArticleStore store;

    @Inject
    Session session;

    @Inject
    ChangeLog changeLog;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @Test
    void anotherReplicasUpdateIsSeenWithinASecondInTheApiAndThePage() {
        Response created = create("一致性" + UUID.randomUUID());
        long id = created.jsonPath().getLong("id");
        String slug = created.jsonPath().getString("slug");
        warm(id, slug);

        long staleMs = writeElsewhereAndWait(id, "另一副本改过的标题", r -> r.contains("另一副本改过的标题"));
        System.out.printf("cross-replica staleness (API read): %d ms%n", staleMs);
        assertTrue(staleMs < PROMISE.toMillis(), "the API served the old article for " + staleMs + " ms");
        assertEventually("/articles/" + slug, body -> body.contains("另一副本改过的标题"));
    }

    @Test
    void anotherReplicasDeleteIsSeenWithinASecond() {
        Response created = create("一致性删除" + UUID.randomUUID());
        long id = created.jsonPath().getLong("id");
        warm(id, created.jsonPath().getString("slug"));

        elsewhere(id, null);
        long start = System.nanoTime();
        while (given().get("/api/articles/" + id).statusCode() != 404) {
            assertTrue(elapsedMs(start) < PROMISE.toMillis(), "a deleted article was still served");
        }
    }

    @Test
    void aListenerThatLosesItsConnectionReconnectsAndDropsWhatItHeld() throws Exception {
        Response created = create("重连" + UUID.randomUUID());
        long id = created.jsonPath().getLong("id");
        warm(id, created.jsonPath().getString("slug"));

        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'article-service change listener'");
        }
        long start = System.nanoTime();
        while (listener.listening()) {
            assertTrue(elapsedMs(start) < 5_000, "the listener did not notice its connection was gone");
            Thread.sleep(10);
        }
        while (!listener.listening()) {
            assertTrue(elapsedMs(start) < 10_000, "the listener did not reconnect");
            Thread.sleep(10);
        }
        warm(id, created.jsonPath().getString("slug")); // cached again after the reconnection
        long staleMs = writeElsewhereAndWait(id, "重连之后的标题", r -> r.contains("重连之后的标题"));
        assertTrue(
                staleMs < PROMISE.toMillis(),
                "after reconnecting, the API served the old article for " + staleMs + " ms");
    }

    /** Writes a new title as another replica would and returns how long this one served the old. */
    private long writeElsewhereAndWait(long id, String title, Predicate<String> fresh) {
        elsewhere(id, title);
        long start = System.nanoTime();
        while (!fresh.test(given().get("/api/articles/" + id).asString())) {
            assertTrue(elapsedMs(start) < 10_000, "never saw the other replica's write");
        }
        return elapsedMs(start);
    }

    /**
     * What another replica's update (a title) or delete (null) commits: the row, then the change
     * log's counter and entry, written by {@link ChangeLog#writeRows} itself but without the
     * event by which a replica tells its own caches: only the database's notification can.
     */
    private void elsewhere(long id, String title) {
        QuarkusTransaction.requiringNew().run(() -> {
            ArticleEntity article = store.byId(id).orElseThrow();
            if (title == null) {
                changeLog.writeRows(List.of(article), true);
                assertTrue(store.delete(id));
            } else {
                article.title = title;
                article.updatedAt = Instant.now();
                session.flush(); // the new version, as the log records it
                changeLog.writeRows(List.of(article), false);
            }
        });
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username.orElse(null), null);
    }

    private static void warm(long id, String slug) {
        String cached = given().get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertEquals(cached, given().get("/api/articles/" + id).header("ETag"));
        given().get("/articles/" + slug).then().statusCode(200);
    }

    private static void assertEventually(String path, Predicate<String> fresh) {
        long start = System.nanoTime();
        while (!fresh.test(given().get(path).asString())) {
            assertTrue(elapsedMs(start) < PROMISE.toMillis(), path + " stayed stale");
        }
    }

    private static Response create(String title) {
        return given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "publishedAt", "2024-05-06T07:08:09+08:00", "bodyHtml", "<p>副本测试。</p>"))
                .post("/api/articles")
                .then()
                .statusCode(201)
                .extract()
                .response();
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

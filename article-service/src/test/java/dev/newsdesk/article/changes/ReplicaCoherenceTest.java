package dev.newsdesk.article.changes;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Another replica's writes reach this one's caches through LISTEN/NOTIFY. "Another replica" is a
 * connection of the test's own that writes the article and its change-log row in one
 * transaction, as every replica's {@link ChangeLog} does, but outside this process: only the
 * database's notification can make this replica drop its cached copy, within the second the
 * cluster promises (the TTLs are 10 s for an article).
 */
@QuarkusTest
class ReplicaCoherenceTest {

    private static final Duration PROMISE = Duration.ofSeconds(1);

    @Inject
    ChangeListener listener;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @Test
    void anotherReplicasUpdateIsSeenWithinASecondInTheApiAndThePage() throws SQLException {
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
    void anotherReplicasDeleteIsSeenWithinASecond() throws SQLException {
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
    private long writeElsewhereAndWait(long id, String title, Predicate<String> fresh) throws SQLException {
        elsewhere(id, title);
        long start = System.nanoTime();
        while (!fresh.test(given().get("/api/articles/" + id).asString())) {
            assertTrue(elapsedMs(start) < 10_000, "never saw the other replica's write");
        }
        return elapsedMs(start);
    }

    /**
     * What another replica's update (a title) or delete (null) commits: the row, then the change
     * log's counter and entry, as {@link ChangeLog} writes them.
     */
    private void elsewhere(long id, String title) throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            long version;
            String slug;
            try (PreparedStatement read = c.prepareStatement("select version, slug from article where id = ?")) {
                read.setLong(1, id);
                ResultSet row = read.executeQuery();
                assertTrue(row.next());
                version = row.getLong(1) + (title == null ? 0 : 1);
                slug = row.getString(2);
            }
            try (PreparedStatement write = c.prepareStatement(
                    title == null
                            ? "delete from article where id = ?"
                            : "update article set title = ?, version = version + 1, updated_at = now() where id = ?")) {
                if (title != null) {
                    write.setString(1, title);
                }
                write.setLong(title == null ? 1 : 2, id);
                assertEquals(1, write.executeUpdate());
            }
            try (Statement counter = c.createStatement();
                    PreparedStatement entry = c.prepareStatement("insert into article_change (seq, article_id,"
                            + " slug, version, updated_at, deleted, recorded_at)"
                            + " values (?, ?, ?, ?, now(), ?, now())")) {
                ResultSet seq = counter.executeQuery(
                        "update article_change_counter set last_seq = last_seq + 1 where id = 1 returning last_seq");
                assertTrue(seq.next());
                entry.setLong(1, seq.getLong(1));
                entry.setLong(2, id);
                entry.setString(3, slug);
                entry.setLong(4, version);
                entry.setBoolean(5, title == null);
                entry.executeUpdate();
            }
            c.commit();
        }
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

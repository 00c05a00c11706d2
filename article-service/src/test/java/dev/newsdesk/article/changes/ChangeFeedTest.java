package dev.newsdesk.article.changes;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChangeFeedTest {

    @Inject
    ChangeLog log;

    @Inject
    ArticleStore store;

    @Inject
    EntityManager em;

    /** A page of changes and where to continue. */
    record Read(List<Map<String, Object>> items, String next) {

        List<Object> ids() {
            return items.stream().map(i -> i.get("id")).toList();
        }
    }

    private static Read read(String since) {
        JsonPath page = given().queryParam("limit", 1000)
                .queryParams(since == null ? Map.of() : Map.of("since", since))
                .get("/api/changes")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        return new Read(page.getList("items"), page.getString("nextCursor"));
    }

    /** Follows the feed until it is caught up; returns the cursor to poll with next. */
    private static String caughtUp() {
        String cursor = null;
        Read page;
        do {
            page = read(cursor);
            cursor = page.next();
        } while (!page.items().isEmpty());
        return cursor;
    }

    private static long create(String title) {
        return given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "publishedAt", "2024-05-06T07:08:09+08:00", "bodyHtml", "<p>变更流测试。</p>"))
                .post("/api/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void createUpdateAndDeleteAppearOnceEachInCommitOrder() {
        String cursor = caughtUp();
        var created = given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "变更一", "publishedAt", "2024-05-06T07:08:09+08:00"))
                .post("/api/articles")
                .then()
                .statusCode(201)
                .extract();
        long id = created.jsonPath().getLong("id");
        given().header("Authorization", TOKEN)
                .header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "变更二", "publishedAt", "2024-05-06T07:08:09+08:00"))
                .put("/api/articles/" + id)
                .then()
                .statusCode(200);
        given().header("Authorization", TOKEN)
                .delete("/api/articles/" + id)
                .then()
                .statusCode(204);

        Read changes = read(cursor);
        assertEquals(
                List.of(id, id, id),
                changes.ids().stream().map(o -> ((Number) o).longValue()).toList());
        assertEquals(
                List.of(false, false, true),
                changes.items().stream().map(i -> i.get("deleted")).toList());
        String slug = created.jsonPath().getString("slug");
        assertEquals(
                List.of(slug, slug, slug),
                changes.items().stream().map(i -> i.get("slug")).toList());
        long v1 = ((Number) changes.items().get(0).get("version")).longValue();
        long v2 = ((Number) changes.items().get(1).get("version")).longValue();
        assertEquals(created.jsonPath().getLong("version"), v1);
        assertFalse(v2 == v1, "an update is a new version");
        assertEquals(List.of(), read(changes.next()).items());
    }

    @Test
    void aReimportWithoutChangesIsNoChange() {
        String cursor = caughtUp();
        String post = "---\ntitle: 变更导入" + UUID.randomUUID() + "\ndate: 2024-05-01 10:00:00 +0800\n---\n<p>正文。</p>\n";
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(post)
                .post("/api/import")
                .then()
                .statusCode(201);
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(post)
                .post("/api/import")
                .then()
                .statusCode(200);
        assertEquals(1, read(cursor).items().size());
    }

    /**
     * Two writers commit in the other order from the one they began, and a writer holds its
     * transaction open after its change was numbered: the feed shows neither early, and skips
     * neither once they commit.
     */
    @Test
    void neverSkipsAChangeThatCommitsLate() throws Exception {
        ExecutorService writers = Executors.newCachedThreadPool();
        try {
            writersCommitLate(writers);
        } finally {
            // A failed assertion must not leave a writer holding the counter for the next test.
            release.countDown();
            commit.countDown();
            writers.close();
        }
    }

    private final CountDownLatch commit = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /**
     * The writers run on threads of their own: the common fork-join pool has a single thread on a
     * two-core machine, where the second writer would only start once the holder had finished.
     */
    private void writersCommitLate(ExecutorService writers) throws Exception {
        long first = create("先开始" + UUID.randomUUID());
        String cursor = caughtUp();

        // 1. A transaction begins and writes, a second one commits, then the first commits.
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    ArticleEntity e = store.byId(first).orElseThrow();
                    e.title = "后提交";
                    e.updatedAt = Instant.now();
                    store.flush(e);
                    written.countDown();
                    await(commit);
                    log.record(List.of(e));
                }),
                writers);
        assertTrue(written.await(10, TimeUnit.SECONDS), "the first writer wrote");
        long second = create("后开始先提交" + UUID.randomUUID());
        Read early = read(cursor);
        assertEquals(List.of(second), longs(early.ids()));
        commit.countDown();
        slow.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(first), longs(read(early.next()).ids()));

        // 2. A transaction has its change numbered but not committed; a second writer must wait.
        cursor = caughtUp();
        CountDownLatch numbered = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    ArticleEntity e = store.byId(first).orElseThrow();
                    e.title = "编号后未提交";
                    e.updatedAt = Instant.now();
                    store.flush(e);
                    log.record(List.of(e));
                    numbered.countDown();
                    await(release);
                }),
                writers);
        assertTrue(numbered.await(10, TimeUnit.SECONDS), "the holder numbered its change");
        CompletableFuture<Long> waiting =
                CompletableFuture.supplyAsync(() -> create("等待者" + UUID.randomUUID()), writers);
        awaitAWriterBlockedOnTheCounter();
        assertFalse(waiting.isDone(), "the second writer waits for the holder's commit");
        List<Long> seen = new ArrayList<>(longs(read(cursor).ids()));
        assertEquals(List.of(), seen, "nothing is visible before the numbered transaction commits");
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        long third = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(first, third), longs(read(cursor).ids()));
    }

    @Test
    void anExpiredTombstoneMakesOlderCursorsGone() {
        long id = create("过期" + UUID.randomUUID());
        String before = caughtUp();
        given().header("Authorization", TOKEN)
                .delete("/api/articles/" + id)
                .then()
                .statusCode(204);
        String after = caughtUp();

        log.purge(Instant.now().plus(1, ChronoUnit.DAYS)); // as if the retention had passed
        given().queryParam("since", before)
                .get("/api/changes")
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("detail", containsString("re-sync from GET /api/articles"));
        given().queryParam("since", after).get("/api/changes").then().statusCode(200);
        // From the start, every live article is still there, however old its change.
        long live = create("仍在" + UUID.randomUUID());
        List<Long> all = new ArrayList<>();
        String cursor = null;
        Read page;
        do {
            page = read(cursor);
            all.addAll(longs(page.ids()));
            cursor = page.next();
        } while (!page.items().isEmpty());
        assertFalse(all.contains(id));
        assertEquals(live, all.getLast());
    }

    @Test
    void badCursorOrLimitIsABadRequest() {
        for (String since : List.of("nonsense", "Yzk5OTk5OTk5OTk5", "!!")) {
            given().queryParam("since", since)
                    .get("/api/changes")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("since"));
        }
        for (String limit : List.of("0", "1001", "ten", "-1")) {
            given().queryParam("limit", limit)
                    .get("/api/changes")
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem("limit"));
        }
        given().get("/api/changes").then().statusCode(200).body("nextCursor", Matchers.notNullValue());
        given().queryParam("limit", 1)
                .get("/api/changes")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    private static List<Long> longs(List<Object> ids) {
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** In the writer's thread: a latch that never opens fails that writer (and so the test). */
    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) { // longer than any wait of the test's own
                throw new IllegalStateException("the test never released this writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until PostgreSQL shows a session of this database waiting for a lock in the change counter's
     * update: the proof that the second writer is blocked, not merely slow to start. A counter
     * without its lock never gets here and the test fails, naming what the sessions were doing.
     */
    private void awaitAWriterBlockedOnTheCounter() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!sessions().contains("Lock: update article_change_counter")) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "no writer ever waited for the change counter's lock; sessions: " + sessions());
            Thread.sleep(20);
        }
    }

    /** What this database's other sessions are doing: wait type and the start of the statement. */
    private String sessions() {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery(
                                "select string_agg(coalesce(wait_event_type, '-') || ': ' || left(ltrim(query), 60),"
                                        + " ' | ') from pg_stat_activity where datname = current_database()"
                                        + " and pid <> pg_backend_pid()")
                        .getSingleResult()));
    }
}

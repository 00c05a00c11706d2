package dev.newsdesk.article.articles;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.changes.ChangesMissed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The write path stores each article's public JSON with every version, in the write's
 * transaction, and a cache miss answers with those stored bytes; a copy that is missing, of
 * another version or of another fingerprint is rendered again and stored.
 */
@QuarkusTest
class StoredArticlesTest {

    @Inject
    DataSource db;

    @Inject
    Event<ChangesMissed> forgetCaches;

    @Test
    void everyWriteStoresTheJsonTheApiAnswersWith() throws SQLException {
        String title = unique("存储");
        Response created = importPost(title, "<p>第一版正文。</p>");
        long id = created.jsonPath().getLong("id");
        assertArrayEquals(
                given().get("/api/articles/" + id).asByteArray(), stored(id).json());
        assertEquals(created.jsonPath().getLong("version"), stored(id).version());

        importPost(title, "<p>第二版正文。</p>"); // the same identity: an update through the importer
        String etag = given().get("/api/articles/" + id).header("ETag");
        given().header("Authorization", TOKEN)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        title + "改",
                        "publishedAt",
                        "2024-05-01T08:00:00+08:00",
                        "categories",
                        java.util.List.of("cunchu"),
                        "tags",
                        java.util.List.of(),
                        "bodyHtml",
                        "<p>编辑改过的正文。</p>"))
                .put("/api/articles/" + id)
                .then()
                .statusCode(200);
        Stored row = stored(id);
        assertTrue(new String(row.json(), StandardCharsets.UTF_8).contains("编辑改过的正文"));
        forgetCaches.fire(new ChangesMissed());
        byte[] answered = given().get("/api/articles/" + id).asByteArray();
        assertArrayEquals(answered, row.json());
    }

    @Test
    void aMissIsAnsweredFromTheStoredBytes() throws SQLException {
        long id = importPost(unique("原样"), "<p>正文。</p>").jsonPath().getLong("id");
        Stored row = stored(id);
        String marked = new String(row.json(), StandardCharsets.UTF_8).replace("正文。", "存储的字节。");
        sql("update article_json set json = ? where article_id = ?", marked.getBytes(StandardCharsets.UTF_8), id);
        forgetCaches.fire(new ChangesMissed());
        assertTrue(given().get("/api/articles/" + id).asString().contains("存储的字节。"), "served from article_json");
    }

    @Test
    void aMissingStaleOrForeignCopyIsRenderedAgainAndStored() throws SQLException {
        long id = importPost(unique("重绘"), "<p>正文。</p>").jsonPath().getLong("id");
        byte[] fresh = stored(id).json();
        String fingerprint = stored(id).fingerprint();

        sql("delete from article_json where article_id = ?", null, id); // as rows from before the table
        forgetCaches.fire(new ChangesMissed());
        assertArrayEquals(fresh, given().get("/api/articles/" + id).asByteArray());
        assertArrayEquals(fresh, stored(id).json(), "stored on first read");

        // rendered under another image key or base: the signed URLs in it are no longer valid
        sql("update article_json set fingerprint = 'other', json = ? where article_id = ?", utf8("{}"), id);
        forgetCaches.fire(new ChangesMissed());
        assertArrayEquals(fresh, given().get("/api/articles/" + id).asByteArray());
        assertEquals(fingerprint, stored(id).fingerprint());

        // a version written past the write path (an older replica during a rolling update)
        sql("update article set version = version + 1 where id = ?", null, id);
        forgetCaches.fire(new ChangesMissed());
        Response read = given().get("/api/articles/" + id);
        assertEquals(stored(id).version(), read.jsonPath().getLong("version"));
        assertNotEquals(new String(fresh, StandardCharsets.UTF_8), read.asString());
    }

    private record Stored(long version, String fingerprint, byte[] json) {}

    private Stored stored(long id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select version, fingerprint, json from article_json where article_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "article " + id + " has stored JSON");
                return new Stored(r.getLong(1), r.getString(2), r.getBytes(3));
            }
        }
    }

    private void sql(String statement, byte[] bytes, long id) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            int i = 1;
            if (bytes != null) {
                s.setBytes(i++, bytes);
            }
            s.setLong(i, id);
            s.executeUpdate();
        }
    }

    private static Response importPost(String title, String body) {
        return given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(title, "2024-05-01 08:00:00 +0800", "cunchu", "存储", body)))
                .post("/api/import")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract()
                .response();
    }
}

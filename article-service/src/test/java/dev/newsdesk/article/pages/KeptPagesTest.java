package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Article pages kept as files outlive writes that do not change them and go with those that do:
 * the page shows the articles published just before it in its section, so news published after
 * it leaves it as it is, while deleting one of those articles, or placing one among them, shows on
 * it. A page that outlived a write comes from its file on the event loop, as the cache's hits do.
 */
@QuarkusTest
class KeptPagesTest {

    private static final Duration PROMISE = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    private record Posted(long id, String slug) {}

    private static Posted publish(String title, String date, String category) {
        var json = given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(title, date, category, "留存", "<p>" + title + "的正文。</p>")))
                .post("/api/import")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Posted(json.getLong("id"), json.getString("slug"));
    }

    /** Five articles of a new section, a day apart: 文章1 … 文章5. */
    private static List<Posted> section(String category, String word) {
        return IntStream.rangeClosed(1, 5)
                .mapToObj(i -> publish(word + i, "2023-03-0" + i + " 09:00:00 +0800", category))
                .toList();
    }

    @Test
    void aPageShowsTheArticlesJustBeforeItWhateverIsPublishedAfter() throws Exception {
        String category = unique("liucun");
        String word = unique("留存");
        List<Posted> five = section(category, word);
        String path = "/articles/" + five.get(2).slug();
        assertEquals(List.of(word + 2, word + 1), related(get(path)));
        publish(word + 6, "2023-03-09 09:00:00 +0800", category);
        assertEquals(List.of(word + 2, word + 1), related(get(path)));
    }

    @Test
    void aPageOutlivesAWriteElsewhereAndComesFromItsFile() throws Exception {
        String path =
                "/articles/" + section(unique("wenjian"), unique("文件")).get(3).slug();
        HttpResponse<byte[]> kept = get(path);
        // What another replica's commit of another article sends (V30's trigger): the page cache
        // drops every page, the header is counted again, the page's file stays.
        try (Connection c = DriverManager.getConnection(url, username.orElse(null), null);
                Statement s = c.createStatement()) {
            s.execute("select pg_notify('article_change', '0:1:t:no-such-article')");
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> again;
        while (!"event-loop".equals(thread(again = get(path)))) {
            assertTrue(System.nanoTime() - start < PROMISE.toNanos(), "the page's file was not used");
            get("/"); // the header is counted again on the first page after a change
        }
        assertArrayEquals(kept.body(), again.body());
        assertEquals(kept.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
    }

    @Test
    void deletingAnArticleAPageListsShowsOnIt() throws Exception {
        String category = unique("shanchu");
        String word = unique("删除");
        List<Posted> five = section(category, word);
        String path = "/articles/" + five.get(4).slug();
        assertEquals(List.of(word + 4, word + 3, word + 2), related(get(path)));
        given().header("Authorization", TOKEN)
                .delete("/api/articles/" + five.get(2).id())
                .then()
                .statusCode(204);
        assertEquals(List.of(word + 4, word + 2, word + 1), related(get(path)));
    }

    @Test
    void anArticlePlacedAmongThoseAPageShowsJoinsThem() throws Exception {
        String category = unique("charu");
        String word = unique("插入");
        List<Posted> five = section(category, word);
        String path = "/articles/" + five.get(4).slug();
        assertEquals(List.of(word + 4, word + 3, word + 2), related(get(path)));
        publish(word + "3.5", "2023-03-03 21:00:00 +0800", category);
        // Where it stands is looked up after the change arrives: within a moment, not at once.
        long start = System.nanoTime();
        List<String> shown;
        while (!(shown = related(get(path))).equals(List.of(word + 4, word + "3.5", word + 3))) {
            assertTrue(System.nanoTime() - start < PROMISE.toNanos(), "the page still shows " + shown);
            Thread.sleep(20);
        }
    }

    private static List<String> related(HttpResponse<byte[]> page) {
        assertEquals(200, page.statusCode());
        return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8))
                .select(".related .item h2 a")
                .eachText();
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return RawPages.get(base, path, null, null);
    }

    private static String thread(HttpResponse<?> response) {
        return RawPages.thread(response);
    }
}

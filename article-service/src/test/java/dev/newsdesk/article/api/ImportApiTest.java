package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsdesk.article.TestPosts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportApiTest {

    private static ValidatableResponse importMarkdown(byte[] post) {
        return given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(post)
                .post("/api/import")
                .then();
    }

    private static ValidatableResponse importZip(byte[] zip) {
        return given().header("Authorization", TOKEN)
                .contentType("application/zip")
                .body(zip)
                .post("/api/import")
                .then();
    }

    private static void assertNothingStoredFor(String word) {
        given().queryParam("q", word)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void importsTheSampleShapedPostAsTheContractSays() {
        JsonPath a = importMarkdown(TestPosts.fixture("gallery-post.md"))
                .statusCode(201)
                .header("Location", containsString("/api/articles/"))
                .header("ETag", startsWith("\""))
                .extract()
                .jsonPath();
        assertEquals("十二个城市联合发布数字人民币支付便民试点方案", a.getString("title"));
        assertEquals("2023-06-18T09:05:00+08:00", a.getString("publishedAt"));
        assertEquals(List.of("caijingkuaixun"), a.getList("categories"));
        assertEquals(List.of("示例财经快讯"), a.getList("tags"));
        assertEquals("示例财经", a.getString("source.name"));
        assertEquals("http://news.example.com/share/article.html?code=EX202306180001", a.getString("source.url"));
        assertEquals(8, a.getList("images").size());
        assertEquals("https://dfscdn.dfcfw.com/download/D25000000000000001_w700h996.jpg", a.getString("images[0].url"));
        assertEquals(List.of(996, 1794, 1453, 1513, 1432, 1671, 1605, 1808), a.getList("images.height"));
        assertEquals(List.of(700, 700, 700, 700, 700, 700, 700, 700), a.getList("images.width"));
        assertEquals(
                List.of(
                        "paragraph",
                        "paragraph",
                        "paragraph",
                        "paragraph",
                        "paragraph",
                        "paragraph",
                        "image",
                        "image",
                        "image",
                        "image",
                        "image",
                        "image",
                        "image",
                        "image"),
                a.getList("blocks.type"));
        String body = a.getString("bodyHtml");
        assertEquals(-1, body.indexOf("文章来源"));
        assertEquals(-1, body.indexOf("返回"));
        assertEquals(-1, body.indexOf("news.example.com"));
        assertEquals(-1, body.indexOf("dfscdn.dfcfw.com"), "every image goes through the image-service");
        assertEquals(a.getString("images[0].url"), a.getString("leadImage.url"));
        assertEquals(0, a.getLong("version"));
        assertEquals(true, a.getString("summary").length() <= 200);
        assertEquals(true, a.getString("slug").matches("2023-06-18-[0-9a-f]{8}"));

        // The same post again updates (here: finds unchanged) the same article.
        JsonPath again = importMarkdown(TestPosts.fixture("gallery-post.md"))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(a.getLong("id"), again.getLong("id"));
        assertEquals(a.getString("slug"), again.getString("slug"));
    }

    @Test
    void reimportUpdatesAndKeepsTheSlugWhenTheTitleChanges() {
        String word = unique("重导");
        String link = "\n<http://news.example.com/share/" + word + ">\n";
        JsonPath first = importMarkdown(utf8(
                        post(word + "初版标题", "2023-07-01 08:00:00 +0800", "a", "b", "<p>初稿" + word + "。</p>\n" + link)))
                .statusCode(201)
                .extract()
                .jsonPath();
        JsonPath second = importMarkdown(utf8(post(
                        word + "修改后的标题", "2023-07-01 08:00:00 +0800", "a", "b", "<p>改稿" + word + "。</p>\n" + link)))
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(first.getLong("id"), second.getLong("id"));
        assertEquals(first.getString("slug"), second.getString("slug"));
        assertNotEquals(first.getLong("version"), second.getLong("version"));
        given().queryParam("q", word)
                .get("/api/articles")
                .then()
                .body("items", hasSize(1))
                .body("items[0].title", equalTo(word + "修改后的标题"));
        given().get("/api/articles/" + first.getLong("id")).then().body("title", equalTo(word + "修改后的标题"));
    }

    @Test
    void frontMatterSlugIsTheIdentity() {
        String slug = unique("kept-slug-");
        importMarkdown(utf8("---\ntitle: 标题一\ndate: 2023-07-02 08:00:00 +0800\nslug: " + slug + "\n---\n<p>一</p>"))
                .statusCode(201)
                .body("slug", equalTo(slug));
        importMarkdown(utf8("---\ntitle: 标题二\ndate: 2023-07-02 08:00:00 +0800\nslug: " + slug + "\n---\n<p>二</p>"))
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("title", equalTo("标题二"));
        given().get("/api/articles/slug/" + slug).then().statusCode(200).body("title", equalTo("标题二"));
    }

    @Test
    void badPostsAreProblemsNamingTheLine() {
        String word = unique("坏稿");
        problem(importMarkdown(utf8("---\ntitle: " + word + "\ndate: 2023-07-01 08:00:00 +0800\n正文")), 400)
                .body("errors[0].field", equalTo("front matter"))
                .body("detail", containsString("line 1"));
        problem(importMarkdown(utf8("---\ntitle: " + word + "\ntags: [未闭合\n---\n正文")), 400)
                .body("detail", containsString("line 3"))
                .body("detail", containsString("malformed YAML"));
        problem(importMarkdown(utf8("---\ndate: 2023-07-01 08:00:00 +0800\n---\n" + word)), 400)
                .body("errors[0].field", equalTo("title"));
        problem(importMarkdown(utf8("---\ntitle: " + word + "\n---\n正文")), 400)
                .body("errors[0].field", equalTo("date"));
        problem(importMarkdown(utf8("---\ntitle: " + word + "\ndate: 2023-02-30 08:00:00 +0800\n---\n正文")), 400)
                .body("errors[0].field", equalTo("date"))
                .body("detail", containsString("line 3"));
        problem(
                        importMarkdown(("---\ntitle: " + word + "\ndate: 2023-07-01 08:00:00 +0800\n---\n正文")
                                .getBytes(Charset.forName("GBK"))),
                        400)
                .body("detail", containsString("not UTF-8"));
        byte[] huge = utf8(post(word, "2023-07-01 08:00:00 +0800", "a", "b", "<p>" + "长".repeat(400_000) + "</p>"));
        problem(importMarkdown(huge), 413).body("detail", containsString("1 MiB"));
        assertNothingStoredFor(word);
    }

    @Test
    void writesNeedAToken() {
        byte[] post = utf8(post("无权", "2023-07-01 08:00:00 +0800", "a", "b", "<p>x</p>"));
        problem(
                        given().contentType("text/markdown")
                                .body(post)
                                .post("/api/import")
                                .then(),
                        401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(
                given().header("Authorization", "Bearer wrong")
                        .contentType("text/markdown")
                        .body(post)
                        .post("/api/import")
                        .then(),
                401);
    }

    @Test
    void zipGivesAReportAndOneBadFileStopsNothing() {
        String word = unique("压缩");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(
                "_posts/2023-07-03-one.md",
                utf8(post(word + "第一篇", "2023-07-03 10:00:00 +0800", "zip", "t", "<p>第一篇" + word + "</p>")));
        files.put(
                "_posts/2023-07-04-two.md",
                utf8(post(word + "第二篇", "2023-07-04 10:00:00 +0800", "zip", "t", "<p>第二篇" + word + "</p>")));
        files.put("_posts/bad.md", utf8("---\ntitle: " + word + "坏的\n---\n<p>没有日期</p>"));
        files.put("readme.txt", utf8("not a post"));
        byte[] zip = TestPosts.zip(files);
        importZip(zip)
                .statusCode(200)
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("rejected", hasSize(2))
                .body("rejected.file", hasItem("_posts/bad.md"))
                .body("rejected.file", hasItem("readme.txt"))
                .body("rejected.find { it.file == '_posts/bad.md' }.reason", containsString("date"));
        importZip(zip).statusCode(200).body("created", equalTo(0)).body("updated", equalTo(2));
        given().queryParam("q", word)
                .get("/api/articles")
                .then()
                .body("items", hasSize(2))
                .body("items.title", not(hasItem(word + "坏的")));
    }

    @Test
    void unsafeArchivesAreRefusedWhole() {
        String word = unique("危险");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("ok.md", utf8(post(word, "2023-07-05 10:00:00 +0800", "a", "b", "<p>" + word + "</p>")));
        files.put("../../escape.md", utf8(post(word, "2023-07-05 10:00:00 +0800", "a", "b", "<p>" + word + "</p>")));
        problem(importZip(TestPosts.zip(files)), 400).body("detail", containsString("../../escape.md"));

        Map<String, byte[]> bomb = new LinkedHashMap<>();
        bomb.put("ok.md", utf8(post(word, "2023-07-05 10:00:00 +0800", "a", "b", "<p>" + word + "</p>")));
        byte[] zeros = new byte[1000 * 1024];
        for (int i = 0; i < 250; i++) {
            bomb.put("filler" + i + ".md", zeros);
        }
        problem(importZip(TestPosts.zip(bomb)), 413).body("detail", containsString("zip bomb"));
        problem(importZip(utf8("PK but not really a zip")), 400);
        assertNothingStoredFor(word);
    }

    @Test
    void bodiesOverTheHttpLimitAreProblemsToo() {
        problem(importZip(new byte[52 * 1024 * 1024]), 413).body("detail", containsString("at most"));
    }

    @Test
    void aVeryLongOriginalLinkStillIdentifiesThePostAndAnOverlongOneIsRefused() {
        String word = unique("长链接");
        String link = "http://news.example.com/share/" + word + "?" + "x".repeat(1500);
        byte[] post = utf8(
                post(word + "标题", "2023-09-01 08:00:00 +0800", "a", "b", "<p>正文" + word + "。</p>\n\n<" + link + ">\n"));
        long id = importMarkdown(post)
                .statusCode(201)
                .body("source.url", equalTo(link))
                .extract()
                .jsonPath()
                .getLong("id");
        importMarkdown(post).statusCode(200).body("id", equalTo((int) id));
        String overlong = "http://news.example.com/share/" + word + "?" + "x".repeat(2100);
        problem(
                        importMarkdown(utf8(post(
                                word + "二",
                                "2023-09-01 08:00:00 +0800",
                                "a",
                                "b",
                                "<p>正文。</p>\n\n<" + overlong + ">\n"))),
                        400)
                .body("detail", containsString("link to the original"));
    }

    /**
     * Two zips holding the same new posts, imported at once: one chunk's transaction may lose
     * the race on the unique import key, roll back and write its posts one by one as updates.
     * Either way every post is stored exactly once and no file is rejected.
     */
    @Test
    void concurrentImportsOfTheSameNewPostsStoreEachOnce() throws Exception {
        String word = unique("并发");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            entries.put(
                    "_posts/p" + i + ".md",
                    utf8(post(
                            word + "文章" + i,
                            "2023-10-01 08:00:00 +0800",
                            "并发",
                            "测试",
                            "<p>并发正文" + word + i + "。</p>\n\n<http://news.example.com/share/" + word + "/" + i
                                    + ">\n")));
        }
        byte[] zip = TestPosts.zip(entries);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> reports = List.of(
                    two.submit(() -> importZip(zip).statusCode(200).extract().jsonPath()),
                    two.submit(() -> importZip(zip).statusCode(200).extract().jsonPath()));
            int created = 0, updated = 0;
            Set<Long> ids = new HashSet<>();
            for (Future<JsonPath> report : reports) {
                JsonPath r = report.get();
                assertEquals(List.of(), r.getList("rejected"));
                created += r.getInt("created");
                updated += r.getInt("updated");
                ids.addAll(r.getList("articles.id", Long.class));
            }
            assertEquals(60, created);
            assertEquals(60, updated);
            assertEquals(60, ids.size());
        } finally {
            two.shutdown();
        }
        given().queryParam("q", word)
                .queryParam("limit", "100")
                .get("/api/articles")
                .then()
                .body("items", hasSize(60));
    }

    @Test
    void otherContentTypesAreUnsupported() {
        problem(
                given().header("Authorization", TOKEN)
                        .contentType("application/pdf")
                        .body(new byte[] {1})
                        .post("/api/import")
                        .then(),
                415);
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("detail", not(nullValue()));
    }
}

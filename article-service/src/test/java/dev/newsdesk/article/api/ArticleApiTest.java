package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.api.ImportApiTest.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleApiTest {

    private static Response create(Map<String, Object> article) {
        return given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(article)
                .post("/api/articles");
    }

    private static Map<String, Object> article(
            String title, String publishedAt, List<String> categories, List<String> tags, String body) {
        return Map.of(
                "title",
                title,
                "publishedAt",
                publishedAt,
                "categories",
                categories,
                "tags",
                tags,
                "bodyHtml",
                body,
                "source",
                Map.of("name", "测试来源", "url", "https://example.com/original"));
    }

    @Test
    void createReadUpdateDelete() {
        String word = unique("流程");
        Response created = create(article(
                word + "原标题",
                "2024-03-05T09:30:00+08:00",
                List.of("宏观"),
                List.of("利率"),
                "<p>第一段" + word + "。</p><p><img src=\"https://dfscdn.dfcfw.com/download/X_w1600h900.jpg\"></p>"));
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/articles/"))
                .body("publishedAt", equalTo("2024-03-05T09:30:00+08:00"))
                .body("source.name", equalTo("测试来源"))
                .body("images[0].width", equalTo(1600))
                .body("blocks.type", equalTo(List.of("paragraph", "image")))
                .body("blocks[1].width", equalTo(720))
                .body("blocks[1].height", equalTo(405))
                .body("blocks[1].srcset", containsString(" 1440w"))
                .body("blocks[1].sources.type", equalTo(List.of("image/avif", "image/webp")))
                .body("blocks[1].sources[0].srcset", containsString("/w:1440/f:avif/"))
                .body("blocks[1].sources[1].srcset", containsString("/w:1440/f:webp/"))
                .body("leadImage.sources.type", equalTo(List.of("image/avif", "image/webp")))
                .body("leadImage.sources[0].srcset", containsString(" 360w"))
                .body("bodyHtml", containsString("<picture><source type=\"image/avif\""));
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        String slug = created.jsonPath().getString("slug");

        given().get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("title", equalTo(word + "原标题"));
        given().header("If-None-Match", etag).get("/api/articles/" + id).then().statusCode(304);
        given().header("If-None-Match", etag)
                .get("/api/articles/slug/" + slug)
                .then()
                .statusCode(304);

        Map<String, Object> edit = article(
                word + "新标题", "2024-03-05T09:30:00+08:00", List.of("宏观"), List.of("利率"), "<p>改过" + word + "</p>");
        problem(
                given().header("Authorization", TOKEN)
                        .contentType(ContentType.JSON)
                        .body(edit)
                        .put("/api/articles/" + id)
                        .then(),
                428);
        problem(
                given().header("Authorization", TOKEN)
                        .header("If-Match", "\"" + id + "-999\"")
                        .contentType(ContentType.JSON)
                        .body(edit)
                        .put("/api/articles/" + id)
                        .then(),
                412);
        Response updated = given().header("Authorization", TOKEN)
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/articles/" + id);
        updated.then().statusCode(200).body("title", equalTo(word + "新标题")).body("slug", equalTo(slug));
        assertNotEquals(etag, updated.header("ETag"));
        assertNotEquals(
                created.jsonPath().getLong("version"), updated.jsonPath().getLong("version"));
        // The instance that took the write never serves the old version from its cache.
        given().get("/api/articles/" + id).then().body("title", equalTo(word + "新标题"));
        given().get("/api/articles/slug/" + slug).then().body("title", equalTo(word + "新标题"));
        given().header("If-None-Match", etag).get("/api/articles/" + id).then().statusCode(200);
        problem(
                given().header("Authorization", TOKEN)
                        .header("If-Match", etag)
                        .contentType(ContentType.JSON)
                        .body(edit)
                        .put("/api/articles/" + id)
                        .then(),
                412);

        given().header("Authorization", TOKEN)
                .delete("/api/articles/" + id)
                .then()
                .statusCode(204);
        problem(given().get("/api/articles/" + id).then(), 404);
        problem(given().get("/api/articles/slug/" + slug).then(), 404);
        given().queryParam("q", word).get("/api/articles").then().body("items", hasSize(0));
        problem(given().get("/articles/" + slug).then(), 404);
        problem(
                given().header("Authorization", TOKEN)
                        .delete("/api/articles/" + id)
                        .then(),
                404);
    }

    @Test
    void writesNeedAToken() {
        Map<String, Object> a = article("无权写入", "2024-03-05T09:30:00+08:00", List.of(), List.of(), "<p>x</p>");
        problem(
                given().contentType(ContentType.JSON)
                        .body(a)
                        .post("/api/articles")
                        .then(),
                401);
        problem(
                given().header("Authorization", "Bearer nope")
                        .delete("/api/articles/1")
                        .then(),
                401);
    }

    @Test
    void invalidArticlesNameTheirFields() {
        problem(
                        given().header("Authorization", TOKEN)
                                .contentType(ContentType.JSON)
                                .body(Map.of("bodyHtml", "<p>x</p>", "publishedAt", "yesterday"))
                                .post("/api/articles")
                                .then(),
                        400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("publishedAt"));
        problem(
                given().header("Authorization", TOKEN)
                        .contentType(ContentType.JSON)
                        .body("{\"title\": ")
                        .post("/api/articles")
                        .then(),
                400);
    }

    @Test
    void listingIsNewestFirstWithCursors() {
        String category = unique("翻页");
        List<Long> ids = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            ids.add(create(article(
                            "翻页第" + day + "篇",
                            "2024-04-0" + day + "T08:00:00+08:00",
                            List.of(category),
                            List.of(),
                            "<p>x</p>"))
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        // Same instant as day 5: the id breaks the tie (higher first), so no item is skipped or repeated.
        ids.add(create(article("同一时刻", "2024-04-05T00:00:00Z", List.of(category), List.of(), "<p>x</p>"))
                .jsonPath()
                .getLong("id"));

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("category", category).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/articles")
                    .then()
                    .statusCode(200)
                    .body("items[0]", not(hasKey("bodyHtml")))
                    .body("items[0]", not(hasKey("blocks")))
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id", Long.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of(ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0)), seen);
    }

    @Test
    void limitOutOfRangeIsAProblem() {
        problem(given().queryParam("limit", 101).get("/api/articles").then(), 400)
                .body("errors[0].field", equalTo("limit"));
        problem(given().queryParam("limit", 0).get("/api/articles").then(), 400);
        problem(given().queryParam("limit", "ten").get("/api/articles").then(), 400);
        problem(given().queryParam("cursor", "garbage!").get("/api/articles").then(), 400)
                .body("errors[0].field", equalTo("cursor"));
        problem(given().queryParam("from", "last week").get("/api/articles").then(), 400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("limit", 100).get("/api/articles").then().statusCode(200);
    }

    @Test
    void filtersByTagSourceAndTime() {
        String tag = unique("标签");
        create(article("早的", "2024-05-01T08:00:00+08:00", List.of(), List.of(tag), "<p>x</p>"))
                .then()
                .statusCode(201);
        create(article("晚的", "2024-05-03T08:00:00+08:00", List.of(), List.of(tag, "其他"), "<p>x</p>"))
                .then()
                .statusCode(201);
        given().queryParam("tag", tag).get("/api/articles").then().body("items.title", equalTo(List.of("晚的", "早的")));
        given().queryParam("tag", tag)
                .queryParam("from", "2024-05-02")
                .get("/api/articles")
                .then()
                .body("items.title", equalTo(List.of("晚的")));
        given().queryParam("tag", tag)
                .queryParam("to", "2024-05-01T23:00:00+08:00")
                .get("/api/articles")
                .then()
                .body("items.title", equalTo(List.of("早的")));
        given().queryParam("tag", tag)
                .queryParam("source", "测试来源")
                .get("/api/articles")
                .then()
                .body("items", hasSize(2));
        given().queryParam("tag", tag)
                .queryParam("source", "别处")
                .get("/api/articles")
                .then()
                .body("items", hasSize(0));
        JsonPath tags =
                given().get("/api/tags").then().statusCode(200).extract().jsonPath();
        assertEquals(2, tags.getInt("find { it.name == '" + tag + "' }.count"));
    }

    @Test
    void searchFindsChineseWordsAndPhrasesInTitleAndBody() {
        String marker = unique("检索");
        create(article(
                        marker + "央行宣布下调存款准备金率",
                        "2024-06-01T08:00:00+08:00",
                        List.of(),
                        List.of(),
                        "<p>此次降准将释放长期资金约五千亿元，支持实体经济发展。</p>"))
                .then()
                .statusCode(201);
        create(article(
                        marker + "新能源汽车销量创新高",
                        "2024-06-02T08:00:00+08:00",
                        List.of(),
                        List.of(),
                        "<p>五月份新能源汽车销量同比增长三成。</p>"))
                .then()
                .statusCode(201);
        // Each query also names the marker's article set through a second call without it, so other tests' data cannot
        // interfere.
        assertEquals(List.of(marker + "央行宣布下调存款准备金率"), titles(marker, "准备金"));
        assertEquals(List.of(marker + "央行宣布下调存款准备金率"), titles(marker, "实体经济"));
        assertEquals(List.of(marker + "新能源汽车销量创新高"), titles(marker, "同比增长"));
        assertEquals(List.of(marker + "新能源汽车销量创新高"), titles(marker, "销"));
        assertEquals(List.of(marker + "央行宣布下调存款准备金率"), titles(marker, "降准"));
        assertEquals(List.of(), titles(marker, "房地产"));
    }

    @Test
    void searchTakesPercentAndUnderscoreLiterally() {
        String marker = unique("通配");
        create(article(marker + "涨幅达到100%", "2024-06-04T08:00:00+08:00", List.of(), List.of(), "<p>x</p>"))
                .then()
                .statusCode(201);
        create(article(marker + "涨幅达到1000点", "2024-06-04T09:00:00+08:00", List.of(), List.of(), "<p>x</p>"))
                .then()
                .statusCode(201);
        create(article(marker + "代码a_b", "2024-06-04T10:00:00+08:00", List.of(), List.of(), "<p>x</p>"))
                .then()
                .statusCode(201);
        create(article(marker + "代码axb", "2024-06-04T11:00:00+08:00", List.of(), List.of(), "<p>x</p>"))
                .then()
                .statusCode(201);
        // As LIKE wildcards, "100%" would also find "1000点" and "a_b" would also find "axb".
        assertEquals(List.of(marker + "涨幅达到100%"), titles(marker, "100%"));
        assertEquals(List.of(marker + "代码a_b"), titles(marker, "a_b"));
    }

    @Test
    void aWeakETagNeverSatisfiesIfMatch() {
        String word = unique("弱标签");
        Response created = create(article(word, "2024-03-06T09:30:00+08:00", List.of(), List.of(), "<p>原文</p>"));
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        Map<String, Object> edit = article(word, "2024-03-06T09:30:00+08:00", List.of(), List.of(), "<p>改过</p>");

        // RFC 9110 §13.1.1: If-Match uses the strong comparison, so W/"x" does not match "x".
        problem(
                given().header("Authorization", TOKEN)
                        .header("If-Match", "W/" + etag)
                        .contentType(ContentType.JSON)
                        .body(edit)
                        .put("/api/articles/" + id)
                        .then(),
                412);
        given().get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("bodyHtml", containsString("原文"));
        // If-None-Match uses the weak one (§13.1.2): the same weak tag means "you have it".
        given().header("If-None-Match", "W/" + etag)
                .get("/api/articles/" + id)
                .then()
                .statusCode(304);
        // A list is a list: one strong match among others lets the update through.
        given().header("Authorization", TOKEN)
                .header("If-Match", "\"stale\", " + etag)
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/articles/" + id)
                .then()
                .statusCode(200)
                .body("bodyHtml", containsString("改过"));
    }

    private static List<String> titles(String marker, String q) {
        List<String> found = given().queryParam("q", q)
                .queryParam("limit", 100)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title", String.class);
        return found.stream().filter(t -> t.startsWith(marker)).toList();
    }

    @Test
    void categoriesCountArticles() {
        String category = unique("分类");
        create(article("计数一", "2024-06-03T08:00:00+08:00", List.of(category), List.of(), "<p>x</p>"));
        create(article("计数二", "2024-06-03T09:00:00+08:00", List.of(category), List.of(), "<p>x</p>"));
        JsonPath categories =
                given().get("/api/categories").then().statusCode(200).extract().jsonPath();
        assertEquals(2, categories.getInt("find { it.name == '" + category + "' }.count"));
        assertNull(categories.get("find { it.name == 'no-such-category' }"));
    }

    @Test
    void unknownArticleIsAProblem() {
        problem(given().get("/api/articles/987654321").then(), 404).body("errors", nullValue());
    }
}

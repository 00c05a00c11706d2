package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PageResourceTest {

    private static String importPost(String title, String date, String category, String body) {
        return given().header("Authorization", TOKEN).contentType("text/markdown")
                .body(utf8(post(title, date, category, "页面", body))).post("/api/import")
                .then().statusCode(201).extract().jsonPath().getString("slug");
    }

    @Test
    void articlePageHasHeadBodyAndWayBack() {
        String category = unique("页面分类");
        String slug = importPost("页面测试：<不是标签>", "2024-07-01 10:00:00 +0800", category,
                "<p>页面正文第一段。</p><p><img src=\"https://dfscdn.dfcfw.com/download/P_w700h996.jpg\"></p>\n（文章来源：页面日报）\n");
        String html = given().get("/articles/" + slug).then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        Document page = Jsoup.parse(html);
        assertEquals("页面测试：<不是标签> - newsdesk", page.title());
        assertEquals("http://localhost:8080/articles/" + slug, page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("article", page.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals("页面测试：<不是标签>", page.selectFirst("meta[property=og:title]").attr("content"));
        assertTrue(page.selectFirst("meta[property=og:image]").attr("content").startsWith("http://localhost:8080/img/"));
        String categoryPath = URLEncoder.encode(category, StandardCharsets.UTF_8);
        assertTrue(page.select("link[rel=alternate]").eachAttr("href")
                .contains("http://localhost:8080/feeds/categories/" + categoryPath + "/rss.xml"));
        assertTrue(page.select("link[rel=alternate]").eachAttr("href").contains("http://localhost:8080/feeds/rss.xml"));
        assertEquals("2024-07-01T10:00:00+08:00", page.selectFirst("time").attr("datetime"));
        assertTrue(page.text().contains("页面日报"));
        assertEquals("lazy", page.selectFirst("article img").attr("loading"));
        assertTrue(page.selectFirst("article img").attr("src").startsWith("http://localhost:8080/img/"));
        assertEquals("http://localhost:8080/categories/" + categoryPath, page.selectFirst("footer a").attr("href"));
        assertEquals("http://localhost:8080/", page.select("footer a").last().attr("href"));
    }

    @Test
    void categoryPageListsNewestFirstAndPaginates() {
        String category = unique("列表");
        for (int i = 1; i <= 22; i++) {
            importPost("列表文章" + i, String.format("2024-08-%02d 10:00:00 +0800", i), category, "<p>列表正文" + i + "</p>");
        }
        Document first = Jsoup.parse(given().get("/categories/" + category).then().statusCode(200).extract().asString());
        assertEquals(20, first.select("ol.list li").size(), "20 per page, as article-service/README.md says");
        assertEquals("列表文章22", first.selectFirst("ol.list li a").text());
        assertTrue(first.select("link[rel=alternate]").eachAttr("href").stream().anyMatch(h -> h.endsWith("/rss.xml")));
        String older = first.selectFirst("a[rel=next]").attr("href");
        String path = older.substring("http://localhost:8080".length());
        Document second = Jsoup.parse(given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString());
        assertEquals(2, second.select("ol.list li").size());
        assertEquals("列表文章2", second.selectFirst("ol.list li a").text());
        assertTrue(second.select("a[rel=next]").isEmpty());
    }

    @Test
    void homeListsTheNewest() {
        String title = unique("首页新文");
        importPost(title, "2099-01-01 00:00:00 +0000", unique("首页"), "<p>未来的文章</p>");
        given().get("/").then().statusCode(200).body(containsString(title))
                .body(containsString("<link rel=\"canonical\" href=\"http://localhost:8080/\">"))
                .body(not(containsString("{page")));
    }

    @Test
    void unknownCategoryOrArticleIsAProblem() {
        given().get("/categories/" + unique("没有")).then().statusCode(404).contentType("application/problem+json");
        given().get("/articles/no-such-slug").then().statusCode(404).contentType("application/problem+json");
    }
}

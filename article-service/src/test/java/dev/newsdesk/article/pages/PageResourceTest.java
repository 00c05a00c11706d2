package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PageResourceTest {

    private static final String BASE = "http://localhost:8080";

    static String importPost(String title, String date, String category, String tag, String body) {
        return given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(title, date, category, tag, body)))
                .post("/api/import")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("slug");
    }

    private static Document page(String path) {
        return Jsoup.parse(given().urlEncodingEnabled(false)
                .accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString());
    }

    @Test
    void articlePageHasHeadBodyAndWayBack() throws Exception {
        String category = unique("yemian");
        String tag = unique("页面标签");
        String slug = importPost(
                "页面测试：<不是标签>",
                "2024-07-01 10:00:00 +0800",
                category,
                tag,
                "<p>页面正文第一段。</p><p>图表如下：</p><p><img src=\"https://dfscdn.dfcfw.com/download/P_w700h996.jpg\"></p>\n"
                        + "（文章来源：页面日报）\n\n<http://news.example.com/share/page-1>\n\n"
                        + "[返回页面栏目](//news.example.com/category/" + category + ".html)｜[返回首页](//news.example.com/)\n");
        Document page = page("/articles/" + slug);
        assertEquals("zh-CN", page.selectFirst("html").attr("lang"));
        assertEquals("页面测试：<不是标签> · newsdesk", page.title());
        assertEquals(
                BASE + "/articles/" + slug,
                page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("页面正文第一段。", page.selectFirst("meta[name=description]").attr("content"));
        assertEquals("article", page.selectFirst("meta[property=og:type]").attr("content"));
        assertEquals("页面测试：<不是标签>", page.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals(
                "summary_large_image",
                page.selectFirst("meta[name=twitter:card]").attr("content"));
        assertTrue(page.selectFirst("meta[property=og:image]").attr("content").startsWith(BASE + "/img/"));
        assertTrue(page.select("link[rel=alternate]")
                .eachAttr("href")
                .contains(BASE + "/feeds/categories/" + category + "/rss.xml"));
        assertEquals("2024-07-01T10:00:00+08:00", page.selectFirst("time").attr("datetime"));
        Element source = page.selectFirst("article .meta a[rel~=nofollow]");
        assertEquals("页面日报", source.text());
        assertEquals("http://news.example.com/share/page-1", source.attr("href"));
        Element img = page.selectFirst("article img");
        assertEquals("lazy", img.attr("loading"));
        assertEquals("图表", img.attr("alt"));
        // The section is linked by its slug and shown by the name the post's navigation gave it.
        Element section = page.selectFirst("article .meta a[href=" + BASE + "/categories/" + category + "]");
        assertEquals("页面栏目", section.text());
        assertEquals(
                BASE + "/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8),
                page.selectFirst("a[rel=tag]").attr("href"));

        JsonNode ld = new ObjectMapper()
                .readTree(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("NewsArticle", ld.get("@type").asText());
        assertEquals("页面测试：<不是标签>", ld.get("headline").asText());
        assertEquals("2024-07-01T10:00:00+08:00", ld.get("datePublished").asText());
        assertNotNull(ld.get("dateModified"));
        assertTrue(ld.get("image").get(0).asText().startsWith(BASE + "/img/"));
        assertEquals("newsdesk", ld.get("publisher").get("name").asText());
        // Keys in a fixed order, so every replica writes the same bytes (and ETag) for the page.
        assertEquals(List.of("@type", "name", "url"), keys(ld.get("publisher")));
        assertEquals(List.of("@type", "@id"), keys(ld.get("mainEntityOfPage")));
        assertFalse(
                page.selectFirst("script[type=application/ld+json]").data().contains("<"), "no < inside the script");
    }

    @Test
    void relatedArticlesAreTheSectionsArticlesPublishedJustBefore() {
        String category = unique("xiangguan");
        for (int i = 1; i <= 5; i++) {
            importPost(
                    "相关文章" + i,
                    String.format("2024-05-%02d 10:00:00 +0800", i),
                    category,
                    "相关",
                    "<p>相关正文" + i + "</p>");
        }
        String other = importPost("别处文章", "2024-05-09 10:00:00 +0800", unique("biechu"), "相关", "<p>别处</p>");
        String slug = given().get("/api/articles?category=" + category + "&limit=1")
                .then()
                .extract()
                .jsonPath()
                .getString("items[0].slug");
        Document page = page("/articles/" + slug);
        var related = page.select(".related .item h2 a").eachText();
        assertEquals(List.of("相关文章4", "相关文章3", "相关文章2"), related);
        assertFalse(page.html().contains(other));
        // An older article's page shows those published before it, not the section's newest.
        String third = given().get("/api/articles?category=" + category + "&limit=3")
                .then()
                .extract()
                .jsonPath()
                .getString("items[2].slug");
        assertEquals(
                List.of("相关文章2", "相关文章1"),
                page("/articles/" + third).select(".related .item h2 a").eachText());
    }

    @Test
    void categoryPageListsNewestFirstAndPagesBothWays() {
        String category = unique("liebiao");
        for (int i = 1; i <= 22; i++) {
            importPost(
                    "列表文章" + i,
                    String.format("2024-08-%02d 10:00:00 +0800", i),
                    category,
                    "列表",
                    "<p>列表正文" + i + "</p><p><img src=\"https://dfscdn.dfcfw.com/download/L" + i
                            + "_w700h996.jpg\"></p>");
        }
        Document first = page("/categories/" + category);
        assertEquals(20, first.select("ol.list li").size(), "20 per page, as article-service/README.md says");
        assertEquals("列表文章22", first.selectFirst("ol.list li h2 a").text());
        Element thumb = first.selectFirst("ol.list li img.thumb");
        assertEquals("160", thumb.attr("width"));
        assertEquals("120", thumb.attr("height"));
        assertEquals("", thumb.attr("alt"));
        assertTrue(thumb.attr("srcset").contains(" 320w"), thumb.attr("srcset"));
        assertTrue(thumb.attr("src").startsWith(BASE + "/img/"));
        assertTrue(first.select("a[rel=prev]").isEmpty());
        String older = first.selectFirst("a[rel=next]").attr("href");
        assertEquals(older, first.selectFirst("link[rel=next]").attr("href"));
        Document second = page(older.substring(BASE.length()));
        assertEquals(2, second.select("ol.list li").size());
        assertEquals("列表文章2", second.selectFirst("ol.list li h2 a").text());
        assertTrue(second.select("a[rel=next]").isEmpty());
        assertEquals(
                BASE + "/categories/" + category,
                second.selectFirst("a[rel=prev]").attr("href"));
    }

    @Test
    void searchFindsChineseTextAndKeepsTheQueryInTheBox() {
        String word = unique("搜索词");
        String title = "搜索测试" + word;
        importPost(title, "2024-09-01 10:00:00 +0800", unique("sousuo"), "搜索", "<p>正文提到" + word + "。</p>");
        Document results = page("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        assertEquals(title, results.selectFirst("ol.list li h2 a").text());
        assertEquals(word, results.selectFirst("input[name=q]").attr("value"));
        assertEquals("noindex, follow", results.selectFirst("meta[name=robots]").attr("content"));
        Document none = page("/search?q=" + URLEncoder.encode(unique("无此词"), StandardCharsets.UTF_8));
        assertTrue(none.select("ol.list li").isEmpty());
    }

    @Test
    void homeListsTheNewestWithSectionsAndSearchInTheHeader() {
        String title = unique("首页新文");
        // Now: newer than every fixture, and not in the future (that would be a scheduled, unlisted article).
        String now =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss +0000").format(OffsetDateTime.now(ZoneOffset.UTC));
        importPost(title, now, unique("shouye"), "首页", "<p>最新的文章</p>");
        Document home = page("/");
        assertEquals(title, home.selectFirst("ol.list li h2 a").text());
        assertEquals(BASE + "/", home.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(
                BASE + "/search", home.selectFirst("header form[role=search]").attr("action"));
        assertFalse(home.select("header nav a").isEmpty());
        assertFalse(home.html().contains("{page"));
    }

    @Test
    void pagesCarryAnEtagAndCdnCacheControlAndAnswer304() {
        Response first = given().get("/");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertTrue(first.header("Cache-Control").contains("s-maxage="), first.header("Cache-Control"));
        assertTrue(first.header("Cache-Control").contains("stale-while-revalidate="));
        given().header("If-None-Match", etag).get("/").then().statusCode(304);
    }

    @Test
    void pagesAreCompressedWhenAsked() {
        given().header("Accept-Encoding", "gzip")
                .get("/")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    @Test
    void badInputGetsADesignedHtmlPageWithItsStatus() {
        for (String path : new String[] {
            "/search?q=", "/search?q=" + "长".repeat(101), "/?cursor=not-a-cursor", "/categories/x?cursor=%25%25"
        }) {
            given().urlEncodingEnabled(false)
                    .accept("text/html,application/xhtml+xml,*/*;q=0.8")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("<form"))
                    .body(not(containsString("Exception")));
        }
        for (String path :
                new String[] {"/categories/" + unique("meiyou"), "/tags/" + unique("没有"), "/articles/no-such-slug"}) {
            given().accept("text/html")
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("找不到这个页面"));
        }
    }

    @Test
    void apiClientsStillGetProblemJsonFromPages() {
        given().accept("application/problem+json")
                .get("/articles/no-such-slug")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}

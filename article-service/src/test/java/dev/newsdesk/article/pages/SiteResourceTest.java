package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Sitemaps, robots.txt, the icon and the stylesheet over HTTP; their schemas are checked in {@link SitemapSchemaTest}. */
@QuarkusTest
class SiteResourceTest {

    private static final DateTimeFormatter JEKYLL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z");

    @Test
    void newsSitemapListsTodaysArticlesOnly() {
        String fresh = unique("新闻地图");
        String old = unique("旧闻");
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(
                        fresh,
                        JEKYLL.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)),
                        "ditu",
                        "地图",
                        "<p>新</p>")))
                .post("/api/import")
                .then()
                .statusCode(201);
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(old, "2020-01-01 10:00:00 +0800", "ditu", "地图", "<p>旧</p>")))
                .post("/api/import")
                .then()
                .statusCode(201);
        String news = given().get("/sitemap-news.xml")
                .then()
                .statusCode(200)
                .contentType(containsString("xml"))
                .extract()
                .asString();
        assertTrue(news.contains(fresh));
        assertTrue(!news.contains(old));
        String index =
                given().get("/sitemap.xml").then().statusCode(200).extract().asString();
        String first = Jsoup.parse(index, "", Parser.xmlParser())
                .selectFirst("sitemap > loc")
                .text();
        assertEquals("http://localhost:8080/sitemap.xml?page=1", first);
        given().get("/sitemap.xml?page=1")
                .then()
                .statusCode(200)
                .body(containsString("<loc>http://localhost:8080/articles/"));
        given().accept("application/xml").get("/sitemap.xml?page=99999").then().statusCode(404);
    }

    @Test
    void robotsNamesTheSitemap() {
        given().get("/robots.txt")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(containsString("Sitemap: http://localhost:8080/sitemap.xml"));
    }

    @Test
    void faviconIsAnIcon() {
        byte[] ico = given().get("/favicon.ico")
                .then()
                .statusCode(200)
                .contentType("image/x-icon")
                .extract()
                .asByteArray();
        // ICONDIR: reserved 0, type 1 (icon), at least one image
        assertEquals(0, ico[0]);
        assertEquals(0, ico[1]);
        assertEquals(1, ico[2]);
        assertTrue(ico[4] >= 1);
    }

    @Test
    void stylesheetIsImmutableUnderItsHashedName() {
        String html = given().get("/").then().statusCode(200).extract().asString();
        String href = Jsoup.parse(html).selectFirst("link[rel=stylesheet]").attr("href");
        assertTrue(href.matches("http://localhost:8080/static/site\\.[0-9a-f]{10}\\.css"), href);
        given().get(href.substring("http://localhost:8080".length()))
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .body(containsString("prefers-color-scheme"));
        given().accept("text/css").get("/static/site.0000000000.css").then().statusCode(404);
    }
}

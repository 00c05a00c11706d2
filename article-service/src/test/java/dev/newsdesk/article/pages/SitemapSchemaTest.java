package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.quarkus.test.junit.QuarkusTest;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The sitemaps validate against the published schemas (sitemaps.org's sitemap and sitemap
 * index, Google's news sitemap; copies in src/test/resources/sitemaps, never fetched) with the
 * JDK's XSD validator, and robots.txt reads as crawlers read it (crawler-commons' parser).
 */
@QuarkusTest
class SitemapSchemaTest {

    private static final DateTimeFormatter JEKYLL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss Z");

    @BeforeEach
    void anArticleOfTheLastHour() {
        given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(
                        unique("模式<&>检查"),
                        JEKYLL.format(OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1)),
                        "moshi",
                        "模式",
                        "<p>模式检查正文。</p>")))
                .post("/api/import")
                .then()
                .statusCode(201);
    }

    private static Schema schema(String... files) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Source[] sources = new Source[files.length];
        for (int i = 0; i < files.length; i++) {
            URL xsd = SitemapSchemaTest.class.getResource("/sitemaps/" + files[i]);
            sources[i] = new StreamSource(xsd.openStream(), xsd.toString());
        }
        return factory.newSchema(sources);
    }

    private static void validate(Schema schema, String xml) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static String get(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }

    @Test
    void sitemapIndexAndItsPagesValidate() throws Exception {
        String index = get("/sitemap.xml");
        validate(schema("siteindex.xsd"), index);
        assertTrue(index.contains("<lastmod>"));
        validate(schema("sitemap.xsd"), get("/sitemap.xml?page=1"));
    }

    @Test
    void newsSitemapValidatesWithGooglesSchema() throws Exception {
        String news = get("/sitemap-news.xml");
        // Strict: the urlset's "any other namespace" elements must match the news schema too.
        validate(schema("sitemap.xsd", "sitemap-news.xsd"), news);
        assertTrue(news.contains("模式&lt;&amp;&gt;检查"), "titles are escaped, not dropped");
        assertTrue(news.contains("<news:language>zh-cn</news:language>"));
    }

    @Test
    void aBrokenSitemapFailsTheSchema() throws Exception {
        Schema urlset = schema("sitemap.xsd");
        String broken =
                get("/sitemap.xml?page=1").replaceFirst("<loc>", "<location>").replaceFirst("</loc>", "</location>");
        assertThrows(SAXException.class, () -> validate(urlset, broken));
    }

    @Test
    void robotsTxtAllowsPagesAndNamesTheSitemaps() {
        byte[] robots = get("/robots.txt").getBytes(StandardCharsets.UTF_8);
        SimpleRobotRules rules = new SimpleRobotRulesParser()
                .parseContent("http://localhost:8080/robots.txt", robots, "text/plain", List.of("googlebot"));
        assertEquals(
                List.of("http://localhost:8080/sitemap.xml", "http://localhost:8080/sitemap-news.xml"),
                rules.getSitemaps());
        assertTrue(rules.isAllowed("http://localhost:8080/articles/some-story"));
        assertTrue(rules.isAllowed("http://localhost:8080/categories/guoji"));
        assertFalse(rules.isAllowed("http://localhost:8080/api/articles"));
    }
}

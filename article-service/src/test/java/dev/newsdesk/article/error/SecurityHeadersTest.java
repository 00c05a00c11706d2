package dev.newsdesk.article.error;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * Every route family of article-service answers with the security headers, whichever handler
 * produced the answer: REST resources, the cache-hit Vert.x route, pages, static files,
 * problem documents of unmatched routes and {@code /q/*}.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyRouteFamilyIsNosniffWithAReferrerPolicy() {
        long id = imported();
        String[][] answers = {
            {"GET", "/api/articles/" + id}, // a miss: the REST resource
            {"GET", "/api/articles/" + id}, // a hit: CacheHitRoute
            {"GET", "/api/articles?limit=2"},
            {"GET", "/api/articles?limit=2"},
            {"GET", "/api/articles?limit=1000"}, // a validation problem
            {"GET", "/api/categories"},
            {"GET", "/api/changes"},
            {"POST", "/api/articles"}, // 401 without a token
            {"GET", "/robots.txt"},
            {"GET", "/sitemap.xml"},
            {"GET", "/static/no-such.css"},
            {"GET", "/no/such/thing"}, // 404 of no route
            {"DELETE", "/robots.txt"}, // 405
            {"GET", "/q/health/ready"},
            {"GET", "/q/metrics"},
            {"GET", "/q/openapi"},
        };
        for (String[] call : answers) {
            Response answer = given().redirects().follow(false).request(call[0], call[1]);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), call[1] + " " + answer.statusCode());
            assertEquals("strict-origin-when-cross-origin", answer.header("Referrer-Policy"), call[1]);
            assertNull(answer.header("Content-Security-Policy"), call[1] + " is no page");
            assertNull(answer.header("Strict-Transport-Security"), "HSTS is the edge's");
        }
    }

    @Test
    void pagesAllowNoScriptAndStylesOnlyFromTheSite() {
        long id = imported();
        String slug = given().get("/api/articles/" + id).jsonPath().getString("slug");
        for (String path : new String[] {"/", "/articles/" + slug, "/search?q=x", "/articles/no-such-article"}) {
            Response page = given().accept("text/html").get(path);
            assertTrue(page.contentType().startsWith("text/html"), path);
            String policy = page.header("Content-Security-Policy");
            assertEquals(
                    "default-src 'none'; style-src 'self' http://localhost:8080;"
                            + " img-src 'self' http://localhost:8080; form-action 'self' http://localhost:8080;"
                            + " frame-ancestors 'none'; base-uri 'none'",
                    policy,
                    path);
            assertEquals("nosniff", page.header("X-Content-Type-Options"), path);
            assertEquals("DENY", page.header("X-Frame-Options"), path);
            // The policy allows no inline style: the markup must carry none.
            String html = page.asString();
            assertFalse(html.contains(" style="), path + " has a style attribute");
            assertFalse(html.contains("<style"), path + " has an inline stylesheet");
            assertFalse(html.contains("<script>"), path + " has an inline script");
        }
    }

    @Test
    void theStylesheetAndIconAreNosniff() {
        String stylesheet = given().get("/")
                .asString()
                .replaceAll("(?s).*<link rel=\"stylesheet\" href=\"http://localhost:8080([^\"]+)\".*", "$1");
        Response css = given().get(stylesheet);
        assertEquals(200, css.statusCode(), stylesheet);
        assertEquals("nosniff", css.header("X-Content-Type-Options"));
        Response icon = given().get("/favicon.ico");
        assertEquals(200, icon.statusCode());
        assertEquals("nosniff", icon.header("X-Content-Type-Options"));
        assertEquals("cross-origin", icon.header("Cross-Origin-Resource-Policy"));
    }

    private static long imported() {
        String word = unique("安全头");
        Response imported = given().header("Authorization", TOKEN)
                .contentType("text/markdown")
                .body(utf8(post(word, "2024-05-01 10:00:00 +0800", "宏观", "利率", "<p>正文" + word + "。</p>")))
                .post("/api/import");
        assertEquals(201, imported.statusCode(), imported.asString());
        return imported.jsonPath().getLong("id");
    }
}

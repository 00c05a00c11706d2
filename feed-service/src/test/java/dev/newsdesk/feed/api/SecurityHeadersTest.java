package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.feed.source.ChangePoller;
import dev.newsdesk.feed.source.FakeArticleServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Every route family of feed-service answers with the security headers: feeds, 304s, problems, {@code /q/*}. */
@QuarkusTest
@QuarkusTestResource(value = FakeArticleServiceResource.class, restrictToAnnotatedClass = true)
class SecurityHeadersTest {

    @Inject
    ChangePoller poller;

    @Test
    void everyRouteFamilyIsNosniffWithAReferrerPolicy() {
        FakeArticleServiceResource.articles().reset();
        assertTrue(poller.poll());
        String etag = given().get("/feeds/rss.xml").header("ETag");
        String[][] answers = {
            {"GET", "/feeds/rss.xml", "200"},
            {"GET", "/feeds/atom.xml", "200"},
            {"GET", "/feeds/feed.json", "200"},
            {"GET", "/feeds/categories/no-such-category/rss.xml", "404"},
            {"GET", "/feeds/rss.xml?page=abc", "400"},
            {"DELETE", "/feeds/rss.xml", "405"},
            {"GET", "/no/such/thing", "404"},
            {"GET", "/q/health/ready", "200"},
            {"GET", "/q/metrics", "200"},
            {"GET", "/q/openapi", "200"},
        };
        for (String[] call : answers) {
            Response answer = given().request(call[0], call[1]);
            assertEquals(Integer.parseInt(call[2]), answer.statusCode(), call[1]);
            assertNosniffWithReferrerPolicy(answer, call[1]);
        }
        Response notModified = given().header("If-None-Match", etag).get("/feeds/rss.xml");
        assertEquals(304, notModified.statusCode());
        assertNosniffWithReferrerPolicy(notModified, "304");
    }

    private static void assertNosniffWithReferrerPolicy(Response answer, String what) {
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        assertEquals("strict-origin-when-cross-origin", answer.header("Referrer-Policy"), what);
        assertNull(answer.header("Content-Security-Policy"), what + " is no page");
        assertNull(answer.header("Strict-Transport-Security"), "HSTS is the edge's");
    }
}

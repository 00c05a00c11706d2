package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.importNew;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.api.ImportApiTest.problem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.MetricSamples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The event-loop route for cache hits must be indistinguishable from the REST resource: the
 * first read after an import is a miss (the import invalidated the entry, the resource loads
 * it), the second a hit served by {@link CacheHitRoute}; both answers must match byte for byte.
 */
@QuarkusTest
class CacheHitRouteTest {

    @Test
    void aHitIsAnsweredExactlyLikeTheMissBeforeIt() {
        String word = unique("热路径");
        long id = importNew(post(word + "标题", "2024-06-01 10:00:00 +0800", "宏观", "利率", "<p>正文" + word + "。</p>"));

        String before = given().get("/q/metrics").asString();
        Response miss = given().get("/api/articles/" + id);
        Response hit = given().get("/api/articles/" + id);
        assertSame(miss, hit);
        String etag = hit.header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/articles/" + id)
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "\"other\", W/" + etag)
                .get("/api/articles/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"")
                .get("/api/articles/" + id)
                .then()
                .statusCode(200);

        // Served outside JAX-RS, hits still count under the resource's template, not one series per
        // id: the template's count moves by the five reads above, the 304s among them.
        String requests = "http_server_requests_seconds_count";
        String template = "uri=\"/api/articles/{id}\"";
        long start = System.nanoTime();
        String metrics;
        do {
            metrics = given().get("/q/metrics").asString();
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "the reads were never all counted: " + metrics);
        } while (MetricSamples.sum(metrics, requests, template) - MetricSamples.sum(before, requests, template) < 5);
        assertEquals(
                5,
                Math.round(MetricSamples.sum(metrics, requests, template)
                        - MetricSamples.sum(before, requests, template)));
        assertEquals(
                2,
                Math.round(MetricSamples.sum(metrics, requests, template, "status=\"304\"")
                        - MetricSamples.sum(before, requests, template, "status=\"304\"")));
        assertFalse(metrics.contains("uri=\"/api/articles/" + id + "\""), "no series for one id");

        Response listMiss =
                given().queryParam("q", word).queryParam("limit", "5").get("/api/articles");
        Response listHit =
                given().queryParam("q", word).queryParam("limit", "5").get("/api/articles");
        assertSame(listMiss, listHit);
        assertEquals(1, listHit.jsonPath().getList("items").size());
    }

    @Test
    void whatTheRouteCannotAnswerFallsThroughToTheResource() {
        problem(given().get("/api/articles/987654321987654321").then(), 404);
        problem(given().get("/api/articles/98765432198765432198765").then(), 404);
        problem(given().queryParam("limit", "0").get("/api/articles").then(), 400);
        problem(given().queryParam("from", "yesterday").get("/api/articles").then(), 400);
    }

    private static void assertSame(Response miss, Response hit) {
        assertEquals(200, miss.statusCode());
        assertEquals(miss.statusCode(), hit.statusCode());
        assertEquals(miss.contentType(), hit.contentType());
        assertEquals(miss.header("ETag"), hit.header("ETag"));
        assertArrayEquals(miss.asByteArray(), hit.asByteArray());
    }
}

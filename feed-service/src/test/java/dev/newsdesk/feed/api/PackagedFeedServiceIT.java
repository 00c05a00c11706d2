package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact (the jar here, the native executable where GraalVM builds one) in
 * its prod profile, with article-service unreachable: probes, OpenAPI, problem documents, and
 * feeds answered 503 with Retry-After while no feed was ever built, and not ready until one is.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedFeedServiceIT.ArticleServiceDown.class, restrictToAnnotatedClass = true)
class PackagedFeedServiceIT {

    public static class ArticleServiceDown implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            // Port 9 (discard) on loopback: nothing listens there on a test machine.
            return Map.of("newsdesk.article-service-url", "http://127.0.0.1:9");
        }

        @Override
        public void stop() {}
    }

    @Test
    void liveButNotReadyBeforeTheFirstFeeds() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void servesOpenApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."));
    }

    @Test
    void unknownPathIsAProblemDocument() {
        given().get("/no/such/thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void withoutAnyFeedYetTheFeedIs503WithRetryAfter() {
        given().get("/feeds/rss.xml")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
    }
}

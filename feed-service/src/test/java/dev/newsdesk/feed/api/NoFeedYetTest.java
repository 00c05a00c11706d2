package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.newsdesk.feed.source.ChangePoller;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * article-service never reached: nothing stale to serve, so 503 with Retry-After, and not ready, so
 * that a new replica joins the load balancer only with feeds to serve (issue 13).
 */
@QuarkusTest
@TestProfile(NoFeedYetTest.Unreachable.class)
class NoFeedYetTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 9 (discard) on loopback: nothing listens there on a test machine.
            return Map.of("newsdesk.article-service-url", "http://127.0.0.1:9");
        }
    }

    @Inject
    ChangePoller poller;

    @Test
    void withoutAnyFeedEveryFeedPathIs503WithRetryAfter() {
        assertFalse(poller.poll());
        for (String path :
                new String[] {"/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json", "/feeds/categories/x/rss.xml"}) {
            given().get(path)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
        }
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}

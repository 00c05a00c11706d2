package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Requests the OpenAPI fuzzer found answered with a 500: now 4xx problem documents. */
@QuarkusTest
class MalformedRequestsTest {

    @Test
    void aPathWhoseEscapesDecodeToPercentSignsIsAProblemNotA500() {
        given().urlEncodingEnabled(false)
                .get("/feeds/tags/;///%25s%25n%25x?page=1.5")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("status", equalTo(404));
    }

    @Test
    void aBrokenEscapeIsABadRequest() {
        given().urlEncodingEnabled(false)
                .get("/feeds/%zz")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
    }
}

package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Bodies no parser should accept still get a problem document that says what is wrong (issue 11). */
@QuarkusTest
class MalformedBodyTest {

    private static ValidatableResponse post(String json) {
        return given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(json)
                .post("/api/articles")
                .then()
                .contentType("application/problem+json");
    }

    @Test
    void deeplyNestedBodyNamesTheNestingLimit() {
        String deep = "{\"title\":\"t\",\"extra\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        post(deep).statusCode(400).body("status", equalTo(400)).body("detail", containsString("nest"));
    }

    @Test
    void overlongStringNamesTheLengthLimit() {
        String huge = "{\"title\":\"" + "x".repeat(20_000_001) + "\"}";
        post(huge).statusCode(400).body("detail", containsString("long"));
    }

    @Test
    void wrongTypeNamesTheField() {
        post("{\"title\":{\"nested\":true},\"publishedAt\":\"2024-03-05T09:30:00+08:00\"}")
                .statusCode(400)
                .body("errors.field", hasItem("title"));
        post("{\"title\":\"t\",\"publishedAt\":\"2024-03-05T09:30:00+08:00\",\"tags\":\"one\"}")
                .statusCode(400)
                .body("errors.field", hasItem("tags"));
        post("{\"title\":\"t\",\"publishedAt\":\"2024-03-05T09:30:00+08:00\",\"source\":{\"name\":[1]}}")
                .statusCode(400)
                .body("errors.field", hasItem("source.name"));
    }

    @Test
    void truncatedJsonIsAProblem() {
        post("{\"title\":\"t\",").statusCode(400).body("detail", containsString("JSON"));
    }

    @Test
    void emptyBodyIsAProblem() {
        post("").statusCode(400).body("status", equalTo(400));
    }
}

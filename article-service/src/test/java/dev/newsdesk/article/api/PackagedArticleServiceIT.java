package dev.newsdesk.article.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged artifact (the jar here, the native executable where GraalVM builds one) in
 * its prod profile: probes, OpenAPI, problem documents and reading articles. Run by failsafe
 * with -DskipITs=false or -Dnative; on the suite's PostgreSQL (EmbeddedPostgresResource).
 */
@QuarkusIntegrationTest
class PackagedArticleServiceIT {

    @Test
    void liveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void servesOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", startsWith("3."));
    }

    @Test
    void unknownPathIsAProblemDocument() {
        given().get("/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void listsArticlesAndAnswersAMissingOneWithAProblem() {
        given().get("/api/articles?limit=5").then().statusCode(200).body("items", notNullValue());
        given().get("/api/articles/987654321").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}

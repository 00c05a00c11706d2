package dev.newsdesk.image.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact (the jar here, the native executable where GraalVM builds one) in
 * its prod profile: probes, OpenAPI, problem documents and the signature check at the edge.
 * Run by failsafe with -DskipITs=false or -Dnative; the disk cache goes under target/.
 */
@QuarkusIntegrationTest
class PackagedImageServiceIT {

    @Test
    void liveAndReady() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
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
    void refusesABadSignatureBeforeFetchingAnything() {
        String source = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("https://dfscdn.dfcfw.com/download/x_w700h996.jpg".getBytes(StandardCharsets.UTF_8));
        given().get("/img/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/w:100/" + source)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}

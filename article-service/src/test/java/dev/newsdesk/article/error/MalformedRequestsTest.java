package dev.newsdesk.article.error;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** Requests the OpenAPI fuzzer found answered with a 500: each is now a 400 problem document. */
@QuarkusTest
class MalformedRequestsTest {

    @Test
    void aNulCharacterInThePathOrQueryIsABadRequestNotADatabaseFailure() {
        for (String target : new String[] {"/api/articles/slug/%00", "/api/articles?category=%00&q=x"}) {
            given().urlEncodingEnabled(false)
                    .get(target)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .header("X-Content-Type-Options", "nosniff")
                    .body("status", equalTo(400));
        }
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsABadRequest() {
        given().config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", TOKEN)
                .header("Content-Type", "garbage")
                .body("---\ntitle: x\n---\n")
                .post("/api/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The Content-Type header is not a media type"));
    }

    @Test
    void aBrokenEscapeIsABadRequestWithTheSecurityHeaders() {
        given().urlEncodingEnabled(false)
                .get("/api/articles/x//%")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}

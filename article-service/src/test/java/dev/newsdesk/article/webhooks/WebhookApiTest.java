package dev.newsdesk.article.webhooks;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook endpoints' HTTP surface: registration, its refusals, secrets shown once, rotation, removal. */
@QuarkusTest
class WebhookApiTest {

    private static RequestSpecification editor() {
        return given().header("Authorization", TOKEN).contentType("application/json");
    }

    /**
     * The target is the test profile's allowed loopback prefix: whatever another test publishes
     * while it is registered, a delivery attempt stays on this machine. (That a public address
     * passes the check is {@code WebhookTargetsTest}'s, with a resolver of its own.)
     */
    @Test
    void registersAndShowsTheSecretOnlyOnce() {
        Response created = editor().body(Map.of(
                        "url", "http://127.0.0.1:9/hooks",
                        "events", List.of("article.published", "article.deleted"),
                        "description", "app backend"))
                .post("/api/webhooks");
        long id = created.jsonPath().getLong("id");
        try {
            created.then()
                    .statusCode(201)
                    .header("Location", containsString("/api/webhooks/" + id))
                    .body("secret", startsWith("whsec_"), "enabled", equalTo(true))
                    .body("events", equalTo(List.of("article.published", "article.deleted")));
            editor().get("/api/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")));
            editor().get("/api/webhooks")
                    .then()
                    .statusCode(200)
                    .body("find { it.id == " + id + " }", not(hasKey("secret")));
            editor().get("/api/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(0));
            editor().post("/api/webhooks/" + id + "/rotate-secret")
                    .then()
                    .statusCode(200)
                    .body("secret", startsWith("whsec_"), "id", equalTo((int) id));
        } finally {
            editor().delete("/api/webhooks/" + id).then().statusCode(204);
        }
        editor().get("/api/webhooks/" + id).then().statusCode(404);
        editor().delete("/api/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void refusesTargetsThatAreNotPublicHttps() {
        for (String url : List.of(
                "http://93.184.216.34/", "https://127.0.0.1/", "https://169.254.169.254/latest", "https://[::1]/")) {
            editor().body(Map.of("url", url, "events", List.of("article.published")))
                    .post("/api/webhooks")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        editor().body(Map.of("url", "https://93.184.216.34/", "events", List.of("article.read")))
                .post("/api/webhooks")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("events"));
    }

    @Test
    void needsTheToken() {
        given().get("/api/webhooks").then().statusCode(401);
        given().contentType("application/json")
                .body(Map.of("url", "https://93.184.216.34/", "events", List.of("article.published")))
                .post("/api/webhooks")
                .then()
                .statusCode(401);
    }
}

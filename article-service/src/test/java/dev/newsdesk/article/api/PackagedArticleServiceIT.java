package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static dev.newsdesk.article.TestPosts.utf8;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The packaged artifact (the jar here, the native executable where GraalVM builds one) in
 * its prod profile: probes, OpenAPI, problem documents, importing a post and reading it back.
 * Run by failsafe with -DskipITs=false or -Dnative, on the suite's PostgreSQL
 * (EmbeddedPostgresResource); the write token is the one
 * {@code quarkus.test.env.NEWSDESK_API_TOKENS} gives the packaged process.
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
    void importsAPostAndReadsItBack() {
        String word = unique("打包");
        Response imported = given().header("Authorization", "Bearer it-token")
                .contentType("text/markdown")
                .body(utf8(post(word + "标题", "2024-05-06 07:08:09 +0800", "宏观", "利率", "<p>正文" + word + "</p>")))
                .post("/api/import");
        imported.then().statusCode(201).body("title", equalTo(word + "标题"));
        long id = imported.jsonPath().getLong("id");
        String slug = imported.jsonPath().getString("slug");

        given().get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo(word + "标题"))
                .body("publishedAt", equalTo("2024-05-06T07:08:09+08:00"))
                .body("categories", hasItem("宏观"))
                .body("bodyHtml", containsString("正文" + word));
        given().get("/api/articles/slug/" + slug).then().statusCode(200).body("id", equalTo((int) id));
        given().queryParam("q", word)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    @Test
    void listsArticlesAndAnswersAMissingOneWithAProblem() {
        given().get("/api/articles?limit=5").then().statusCode(200).body("items", notNullValue());
        given().get("/api/articles/987654321")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}

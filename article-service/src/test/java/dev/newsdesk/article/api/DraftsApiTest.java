package dev.newsdesk.article.api;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drafts and scheduled articles over HTTP: hidden without the token, shown with it, published on time. */
@QuarkusTest
class DraftsApiTest {

    private static JsonPath create(String title, String publishedAt, String status, String category) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                title,
                "bodyHtml",
                "<p>" + title + "</p>",
                "publishedAt",
                publishedAt,
                "categories",
                List.of(category)));
        if (status != null) {
            body.put("status", status);
        }
        return given().header("Authorization", TOKEN)
                .contentType("application/json")
                .body(body)
                .post("/api/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void aDraftIsSeenOnlyWithTheToken() {
        String category = unique("caogao");
        JsonPath draft = create(unique("草稿"), "2024-03-05T09:30:00+08:00", "draft", category);
        assertEquals("draft", draft.getString("status"));
        long id = draft.getLong("id");
        given().get("/api/articles/" + id).then().statusCode(404);
        given().get("/api/articles/" + id).then().statusCode(404); // a cached copy is not served either
        given().get("/api/articles/slug/" + draft.getString("slug")).then().statusCode(404);
        given().header("Authorization", TOKEN)
                .get("/api/articles/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("draft"));
        given().get("/api/articles?category=" + category).then().body("items", empty());
        given().get("/api/categories").then().body(not(containsString(category)));
        given().get("/api/articles?status=draft").then().statusCode(401);
        given().header("Authorization", TOKEN)
                .get("/api/articles?status=draft&category=" + category)
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) id), "items[0].status", equalTo("draft"));
        given().header("Authorization", TOKEN)
                .get("/api/articles?status=hidden")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void aScheduledArticleBecomesPublicAtItsInstantAndEntersTheChangeFeedThen() throws Exception {
        String cursor = given().get("/api/changes?limit=1000").jsonPath().getString("nextCursor");
        while (true) {
            JsonPath page =
                    given().get("/api/changes?limit=1000&since=" + cursor).jsonPath();
            cursor = page.getString("nextCursor");
            if (page.getList("items").isEmpty()) {
                break;
            }
        }
        // Far enough ahead that the create has answered before it, even on a busy machine.
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        JsonPath scheduled = create(unique("定时"), at.toString(), null, unique("dingshi"));
        assertEquals("scheduled", scheduled.getString("status"));
        long id = scheduled.getLong("id");
        given().get("/api/articles/" + id).then().statusCode(404);
        given().get("/api/changes?since=" + cursor).then().body("items.id", not(hasItem((int) id)));

        long deadline = at.toInstant().toEpochMilli() + 5000;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            status = given().get("/api/articles/" + id).statusCode();
        }
        assertEquals(200, status, "public within 5 s of publishedAt");
        JsonPath published = given().get("/api/articles/" + id).jsonPath();
        assertEquals("published", published.getString("status"));
        assertTrue(published.getLong("version") > scheduled.getLong("version"), "publication is a new version");
        given().get("/api/changes?since=" + cursor)
                .then()
                .body("items.findAll { it.id == " + id + " }.size()", equalTo(1))
                .body("items.find { it.id == " + id + " }.deleted", equalTo(false));
    }
}

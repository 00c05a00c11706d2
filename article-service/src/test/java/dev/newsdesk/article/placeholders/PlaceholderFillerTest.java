package dev.newsdesk.article.placeholders;

import static dev.newsdesk.article.TestPosts.importNew;
import static dev.newsdesk.article.TestPosts.post;
import static dev.newsdesk.article.TestPosts.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.testing.StubImageService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filler against an image-service stand-in ({@link StubImageService}): what arrives is stored
 * through the write path (new version and ETag, a change entry), a failure is retried after its
 * backoff, an unusable image is given up. The scheduler is off in tests; each test drives rounds.
 */
@QuarkusTest
class PlaceholderFillerTest {

    @Inject
    PlaceholderFiller filler;

    private static long importPost(String tag, String... images) {
        StringBuilder body = new StringBuilder("港口吞吐量回升。\n");
        for (String image : images) {
            body.append("\n![](").append(image).append(")\n");
        }
        return importNew(post("占位色 " + tag, "2024-05-06 10:00:00 +0800", "ph", tag, body.toString()));
    }

    private static Response article(long id) {
        return given().get("/api/articles/" + id);
    }

    /** Runs filler rounds until {@code done} holds for the article's JSON, within 30 s. */
    private JsonPath fillUntil(long id, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            filler.fill();
            JsonPath json = article(id).jsonPath();
            if (json.get(path) != null) {
                return json;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + path + " for article " + id + " within 30 s: "
                + article(id).asString());
    }

    private static boolean changeRecorded(long id, int version) {
        String cursor = null;
        JsonPath page;
        do {
            page = given().queryParam("limit", 1000)
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor))
                    .get("/api/changes")
                    .jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> change : items) {
                if (((Number) change.get("id")).longValue() == id
                        && ((Number) change.get("version")).intValue() == version) {
                    return true;
                }
            }
            cursor = page.getString("nextCursor");
        } while (!page.getList("items").isEmpty());
        return false;
    }

    @Test
    void measuredImagesArriveAsANewVersionAndUnusableOnesAreGivenUp() throws Exception {
        String tag = unique("ph");
        String ok = "https://cdn.example/" + tag + "ok_w700h500.jpg";
        String bad = "https://cdn.example/" + tag + "notimage_w700h500.jpg";
        long id = importPost(tag, ok, bad);
        Response before = article(id);
        int imported = before.jsonPath().getInt("version");
        Map<String, Object> lead = before.jsonPath().getMap("leadImage");
        assertTrue(lead.containsKey("placeholder") && lead.get("placeholder") == null, "null until measured");
        List<Map<String, Object>> images = before.jsonPath().getList("blocks.findAll { it.type == 'image' }");
        assertEquals(2, images.size());
        images.forEach(b -> assertTrue(b.containsKey("placeholder") && b.get("placeholder") == null, b.toString()));

        JsonPath measured = fillUntil(id, "leadImage.placeholder");
        assertEquals(StubImageService.colorOf(ok), measured.getString("leadImage.placeholder.color"));
        assertEquals("3xgGawi6cLdXdoZ4eIB3EAg=", measured.getString("leadImage.placeholder.thumbhash"));
        assertEquals(
                StubImageService.colorOf(ok),
                measured.getString("blocks.findAll { it.type == 'image' }[0].placeholder.color"));
        assertNull(measured.get("blocks.findAll { it.type == 'image' }[1].placeholder"), "given up: stays null");
        assertEquals(imported + 1, measured.getInt("version"), "the arrival is one new version");
        assertNotEquals(before.header("ETag"), article(id).header("ETag"));
        assertTrue(changeRecorded(id, imported + 1), "a change entry for the new version");
        assertEquals(
                StubImageService.colorOf(ok),
                given().queryParam("tag", tag)
                        .get("/api/articles")
                        .jsonPath()
                        .getString("items[0].leadImage.placeholder.color"));
        String page = given().get("/articles/" + measured.getString("slug")).asString();
        assertTrue(page.contains("fill=\"" + StubImageService.colorOf(ok) + "\""), page);

        filler.fill();
        assertEquals(imported + 1, article(id).jsonPath().getInt("version"), "nothing left to measure: no new version");
    }

    @Test
    void anImageThatFailsIsTriedAgainAfterItsBackoff() throws Exception {
        String tag = unique("ph");
        String flaky = "https://cdn.example/" + tag + "flaky_w700h500.jpg";
        long id = importPost(tag, flaky);
        int imported = article(id).jsonPath().getInt("version");
        JsonPath measured = fillUntil(id, "leadImage.placeholder");
        assertEquals(StubImageService.colorOf(flaky), measured.getString("leadImage.placeholder.color"));
        assertEquals(imported + 1, measured.getInt("version"));
    }
}

package dev.newsdesk.e2e.drafts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import dev.newsdesk.e2e.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A draft and an article scheduled for next year are invisible on every public surface of the
 * running system — the API without a token (by id, by slug, lists, search, category and tag
 * counts), the pages, both sitemaps, feed-service's feeds and the change feed — and visible to
 * an editor with the token. A public article written after them is the marker that each surface
 * has caught up, so an absence is not just a surface that has not looked yet.
 */
@ExtendWith(RunningSystem.class)
class DraftsStayPrivateTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void draftsAndScheduledArticlesAreInvisibleToThePublicEverywhere() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String category = "caogao-" + run;
        String tag = "biaoqian-" + run;
        String word = "草稿词" + run;
        String cursor = changesCursorNow();
        JsonNode draft = create("草稿 " + word, "2024-07-01T10:00:00+08:00", "draft", category, tag);
        JsonNode scheduled = create(
                "定时 " + word,
                OffsetDateTime.now(ZoneOffset.ofHours(8))
                        .plusYears(1)
                        .withNano(0)
                        .toString(),
                null,
                category,
                tag);
        assertEquals("draft", draft.get("status").asText());
        assertEquals("scheduled", scheduled.get("status").asText());
        JsonNode marker = create("公开 " + run, "2024-07-01T09:00:00+08:00", null, "gongkai-" + run, null);
        assertEquals("published", marker.get("status").asText());

        for (JsonNode hidden : new JsonNode[] {draft, scheduled}) {
            String slug = hidden.get("slug").asText();
            assertEquals(
                    404,
                    article("/api/articles/" + hidden.get("id").asLong(), false).statusCode());
            assertEquals(404, article("/api/articles/slug/" + slug, false).statusCode());
            assertEquals(404, article("/articles/" + slug, false).statusCode(), "the page");
            JsonNode withToken = JSON.readTree(
                    article("/api/articles/" + hidden.get("id").asLong(), true).body());
            assertEquals(hidden.get("status").asText(), withToken.get("status").asText());
            assertTrue(
                    article("/api/articles?status=" + hidden.get("status").asText() + "&limit=100", true)
                            .body()
                            .contains(slug),
                    "listed for an editor by its status");
        }
        assertEquals(401, article("/api/articles?status=draft", false).statusCode());

        String[] publicSurfaces = {
            "/api/articles?category=" + category,
            "/api/articles?tag=" + tag,
            "/api/articles?limit=100",
            "/api/articles?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
            "/api/categories",
            "/api/tags",
            "/",
            "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
            "/sitemap.xml?page=1",
            "/sitemap-news.xml",
            "/api/changes?limit=1000&since=" + cursor
        };
        for (String surface : publicSurfaces) {
            String body = article(surface, false).body();
            for (String secret : new String[] {
                draft.get("slug").asText(), scheduled.get("slug").asText(), category, tag, word
            }) {
                if (secret.equals(word) && surface.startsWith("/search?")) {
                    continue; // the search page repeats the query in its form; the slugs say what it lists
                }
                assertFalse(body.contains(secret), surface + " shows " + secret);
            }
        }
        assertEquals(404, article("/categories/" + category, false).statusCode(), "no page for a draft's section");
        assertTrue(
                article("/api/changes?limit=1000&since=" + cursor, false)
                        .body()
                        .contains(marker.get("slug").asText()),
                "the change feed has the public article written after them");

        ServiceProcess feeds = RunningSystem.system().feed();
        String markerSlug = marker.get("slug").asText();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String feed = "";
        while (!feed.contains(markerSlug) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            feed = get(feeds.url("/feeds/feed.json"), false).body();
        }
        assertTrue(feed.contains(markerSlug), "the feed caught up with the public article written after them");
        assertFalse(feed.contains(draft.get("slug").asText()), "a draft in the feed");
        assertFalse(feed.contains(scheduled.get("slug").asText()), "a scheduled article in the feed");
        assertEquals(
                404,
                get(feeds.url("/feeds/categories/" + category + "/rss.xml"), false)
                        .statusCode());
    }

    /** Follows the change feed to its end: the cursor after everything written so far. */
    private static String changesCursorNow() throws Exception {
        String cursor = "";
        for (int page = 0; page < 1000; page++) {
            JsonNode changes = JSON.readTree(
                    article("/api/changes?limit=1000&since=" + cursor, false).body());
            cursor = changes.get("nextCursor").asText();
            if (changes.get("items").isEmpty()) {
                return cursor;
            }
        }
        throw new AssertionError("the change feed never ended");
    }

    private static JsonNode create(String title, String publishedAt, String status, String category, String tag)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("bodyHtml", "<p>" + title + "：编辑还在修改。</p>");
        body.put("publishedAt", publishedAt);
        body.putArray("categories").add(category);
        if (tag != null) {
            body.putArray("tags").add(tag);
        }
        if (status != null) {
            body.put("status", status);
        }
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(RunningSystem.system().article().url("/api/articles"))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> article(String path, boolean withToken) throws Exception {
        return get(RunningSystem.system().article().url(path), withToken);
    }

    private static HttpResponse<String> get(URI uri, boolean withToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        if (withToken) {
            request.header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

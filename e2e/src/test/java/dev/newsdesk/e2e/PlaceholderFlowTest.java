package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.client.article.ApiClient;
import dev.newsdesk.client.article.ApiResponse;
import dev.newsdesk.client.article.api.ArticlesApi;
import dev.newsdesk.client.article.model.Article;
import dev.newsdesk.client.article.model.Block;
import dev.newsdesk.client.article.model.Placeholder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Placeholders end to end: an imported post's gallery images are measured by the real
 * image-service (fetching real JPEGs from the local gallery origin) and arrive as a new version
 * of the article, read here through the generated client; the pages paint their colours. When
 * image-service is down at import time, they arrive once it is back.
 */
@ExtendWith(RunningSystem.class)
class PlaceholderFlowTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ArticlesApi articles() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RunningSystem.system().article().baseUrl());
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        return new ArticlesApi(client);
    }

    @Test
    void importedImagesGetPlaceholdersWithinSecondsAsANewVersionAndThePagesPaintThem() throws Exception {
        String tag = "ph" + UUID.randomUUID().toString().substring(0, 8);
        String since = changesEnd();
        long id = importPost(tag);
        ApiResponse<Article> first = articles().getArticleWithHttpInfo(id, null);
        Article measured = awaitPlaceholders(id, Duration.ofSeconds(30));

        assertTrue(measured.getVersion() > first.getData().getVersion(), "the arrival is a new version");
        String etag = articles()
                .getArticleWithHttpInfo(id, null)
                .getHeaders()
                .get("etag")
                .get(0);
        assertNotEquals(first.getHeaders().get("etag").get(0), etag);
        Placeholder lead = measured.getLeadImage().getPlaceholder();
        assertTrue(lead.getColor().matches("#[0-9a-f]{6}"), lead.getColor());
        assertTrue(Base64.getDecoder().decode(lead.getThumbhash()).length >= 5, lead.getThumbhash());
        // the origin's pictures run from (20,80,160) to (230,210,120): their average is no grey or black
        int rgb = Integer.parseInt(lead.getColor().substring(1), 16);
        assertTrue((rgb >> 16) > 60 && (rgb & 0xff) > 60, lead.getColor());

        JsonNode changes = getJson("/api/changes?limit=1000&since=" + since);
        assertTrue(
                changes.toString().contains("\"id\":" + id + ",")
                        && changes.toString().contains("\"version\":" + measured.getVersion()),
                "a change entry for the new version: " + changes);

        JsonNode list = getJson("/api/articles?tag=" + tag);
        assertEquals(
                lead.getColor(), list.at("/items/0/leadImage/placeholder/color").asText(), list.toString());

        String page = getText("/articles/" + measured.getSlug());
        for (Block b : measured.getBlocks()) {
            if (b.getType() == Block.TypeEnum.IMAGE) {
                assertTrue(page.contains("fill=\"" + b.getPlaceholder().getColor() + "\""), page);
            }
        }
        assertTrue(page.contains("<span class=\"ph\"><svg aria-hidden=\"true\">"), page);
        String listing = getText("/tags/" + tag);
        assertTrue(
                listing.contains("<span class=\"thumb-box\"><svg aria-hidden=\"true\"><rect width=\"100%\""
                        + " height=\"100%\" fill=\"" + lead.getColor() + "\""),
                listing);
    }

    @Test
    void imagesImportedWhileImageServiceIsDownGetPlaceholdersOnceItIsBack() throws Exception {
        String tag = "phdown" + UUID.randomUUID().toString().substring(0, 8);
        NewsdeskSystem system = RunningSystem.system();
        system.stopImageService();
        long id;
        long imported;
        try {
            id = importPost(tag);
            imported = articles().getArticle(id, null).getVersion();
            long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            while (System.nanoTime() < deadline) { // the filler tries (and fails) meanwhile
                Article article = articles().getArticle(id, null);
                assertNull(article.getLeadImage().getPlaceholder(), "nothing to measure with");
                assertEquals(imported, article.getVersion());
                Thread.sleep(500);
            }
        } finally {
            system.startImageService(Duration.ofSeconds(90));
        }
        Article measured = awaitPlaceholders(id, Duration.ofSeconds(90));
        assertTrue(measured.getVersion() > imported, "the arrival is a new version");
    }

    private static long importPost(String tag) throws Exception {
        GalleryOrigin cdn = RunningSystem.galleryOrigin();
        String unique = tag.replaceAll("[^A-Za-z0-9]", "");
        String post = """
                ---
                title: "占位色测试 %s"
                date: 2024-05-06 10:00:00 +0800
                categories: e2e
                tags: %s
                ---
                港口吞吐量回升，图表如下。

                ![](%s)

                ![](%s)
                """.formatted(
                        tag, tag, cdn.url("P" + unique + "a_w700h500.jpg"), cdn.url("P" + unique + "b_w640h960.jpg"));
        HttpResponse<String> imported = HTTP.send(
                HttpRequest.newBuilder(RunningSystem.system().article().url("/api/import"))
                        .header("Content-Type", "text/markdown")
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, imported.statusCode(), imported.body());
        return JSON.readTree(imported.body()).get("id").asLong();
    }

    /** The article once its lead image and every image block carry a placeholder. */
    private static Article awaitPlaceholders(long id, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Article article;
        do {
            article = articles().getArticle(id, null);
            boolean blocks = article.getBlocks().stream()
                    .filter(b -> b.getType() == Block.TypeEnum.IMAGE)
                    .allMatch(b -> b.getPlaceholder() != null);
            if (article.getLeadImage().getPlaceholder() != null && blocks) {
                assertEquals(
                        2,
                        article.getBlocks().stream()
                                .map(Block::getPlaceholder)
                                .filter(Objects::nonNull)
                                .count());
                return article;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no placeholders within " + within + ": " + article);
    }

    /** Where the change feed ends now: following it from here shows only later changes. */
    private static String changesEnd() throws Exception {
        String cursor = null;
        JsonNode page;
        do {
            page = getJson("/api/changes?limit=1000" + (cursor == null ? "" : "&since=" + cursor));
            cursor = page.get("nextCursor").asText();
        } while (!page.get("items").isEmpty());
        return cursor;
    }

    private static JsonNode getJson(String path) throws Exception {
        return JSON.readTree(getText(path));
    }

    private static String getText(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(RunningSystem.system().article().baseUrl() + path))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }
}

package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.feed.render.FeedParsers;
import dev.newsdesk.feed.source.ChangePoller;
import dev.newsdesk.feed.source.FakeArticleService;
import dev.newsdesk.feed.source.FakeArticleServiceResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The feed paths over HTTP, fed by a fake article-service over real HTTP. The poller is driven
 * by the tests ({@code quarkus.scheduler.enabled=false} in tests), so every step is deterministic.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeArticleServiceResource.class, restrictToAnnotatedClass = true)
class FeedEndpointsTest {

    static final String CATEGORY = "/feeds/categories/%E5%8C%BA%E5%9D%97%E9%93%BE"; // 区块链
    static final String TAG = "/feeds/tags/%E9%87%91%E8%9E%8D%E7%A7%91%E6%8A%80"; // 金融科技
    /** What feed-service/README.md promises CDNs and readers, written out rather than read from the code. */
    static final String README_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    static final String TRICKY_TITLE = "Banks & <Brokers>: \"yes\" to 区块链 pilots";

    @Inject
    ChangePoller poller;

    @Inject
    CircuitBreakerMaintenance breakers;

    FakeArticleService articles;

    @BeforeEach
    void freshFixture() {
        articles = FakeArticleServiceResource.articles();
        articles.reset();
        breakers.resetAll();
        assertTrue(poller.poll());
    }

    @AfterEach
    void upAgain() {
        articles.reset();
        breakers.resetAll();
    }

    @Test
    void everyFeedInEveryFormatParsesWithBothParsers() {
        for (String folder : List.of("/feeds", CATEGORY, TAG)) {
            FeedParsers.rss(
                    ok(folder + "/rss.xml", "application/rss+xml;charset=utf-8").asByteArray());
            FeedParsers.atom(ok(folder + "/atom.xml", "application/atom+xml;charset=utf-8")
                    .asByteArray());
            FeedParsers.json(ok(folder + "/feed.json", "application/feed+json").asByteArray());
        }
    }

    @Test
    void homeFeedHasTheNewestPageWithLinksImagesAndContent() {
        var rss = FeedParsers.rss(
                ok("/feeds/rss.xml", "application/rss+xml;charset=utf-8").asByteArray());
        assertEquals(List.of(TRICKY_TITLE, "宏观：季度展望", "Article 3", "Article 4", "Article 5"), rss.titles());
        var entry = rss.rome().getEntries().get(0);
        assertEquals("http://news.test/articles/banks-and-brokers", entry.getLink());
        assertEquals("urn:newsdesk:article:1", entry.getUri());
        String content = entry.getContents().get(0).getValue();
        assertTrue(content.contains("src=\"http://img.test/img/unsafe/w:700/aHR0cHM6Ly9jZG4\""), content);
        assertTrue(content.contains("href=\"http://news.test/articles/other\""), content);
        var json =
                FeedParsers.json(ok("/feeds/feed.json", "application/feed+json").asByteArray());
        // The thumbnail is the image-service's JPEG, never the origin (issue 11).
        assertEquals(
                "http://img.test/img/unsafe/w:700/f:jpeg/aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QyNTAwMDAwMDAwMDAwMDAwMV93NzAwaDk5Ni5qcGc",
                json.get("items").get(0).get("image").asText());
        assertEquals("http://feeds.test/feeds/feed.json", json.get("feed_url").asText());
        assertEquals(
                "http://feeds.test/feeds/feed.json?page=2", json.get("next_url").asText());
    }

    @Test
    void aDocumentIsRenderedOnAWorkerOnceThenAnsweredFromTheEventLoop() {
        // an edit rebuilds the home feed, and a poll renders nothing of it
        articles.retitle(4, "Article 4, rendered when read", Instant.now().toString());
        assertTrue(poller.poll());
        Response first = answered("/feeds/atom.xml", null);
        assertEquals(200, first.statusCode());
        assertEquals("worker", first.header(AnsweringThread.ANSWER), "the first request renders it");

        Response again = answered("/feeds/atom.xml", null);
        assertEquals("event-loop", again.header(AnsweringThread.ANSWER));
        assertEquals(first.asString(), again.asString());
        for (String header : List.of("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type")) {
            assertEquals(first.header(header), again.header(header), header);
        }
        assertEquals("nosniff", again.header("X-Content-Type-Options"), "the server's response hooks apply to it too");

        Response notModified = answered("/feeds/atom.xml", first.header("ETag"));
        assertEquals(304, notModified.statusCode());
        assertEquals("event-loop", notModified.header(AnsweringThread.ANSWER));
        assertEquals(first.header("ETag"), notModified.header("ETag"));

        assertEquals("worker", answered("/feeds/atom.xml?page=2", null).header(AnsweringThread.ANSWER));
        Response unknown = answered("/feeds/tags/nope/atom.xml", null);
        assertEquals(404, unknown.statusCode());
        assertEquals("worker", unknown.header(AnsweringThread.ANSWER));
    }

    private static Response answered(String path, String ifNoneMatch) {
        var request = given().urlEncodingEnabled(false).header(AnsweringThread.ASK, "1");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path);
    }

    @Test
    void olderItemsAreOnPageTwo() {
        var page2 = FeedParsers.atom(ok("/feeds/atom.xml?page=2", "application/atom+xml;charset=utf-8")
                .asByteArray());
        assertEquals(List.of("Article 6", "Article 7"), page2.titles());
        given().urlEncodingEnabled(false)
                .get("/feeds/atom.xml?page=3")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false)
                .get("/feeds/atom.xml?page=zero")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void chineseCategoryAndTagFeedsHoldTheirArticles() {
        var category = FeedParsers.atom(
                ok(CATEGORY + "/atom.xml", "application/atom+xml;charset=utf-8").asByteArray());
        assertEquals(List.of(TRICKY_TITLE, "Article 3", "Article 4"), category.titles());
        assertEquals(
                "http://feeds.test" + CATEGORY + "/atom.xml",
                FeedParsers.link(category.dom().getDocumentElement(), "self"));
        var tag =
                FeedParsers.json(ok(TAG + "/feed.json", "application/feed+json").asByteArray());
        assertEquals(2, tag.get("items").size());
        assertEquals("newsdesk · #金融科技", tag.get("title").asText());
    }

    @Test
    void unknownCategoryOrTagOrFormatIsA404Problem() {
        given().urlEncodingEnabled(false)
                .get("/feeds/categories/%E6%97%A0/rss.xml")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().urlEncodingEnabled(false)
                .get("/feeds/tags/nope/feed.json")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false)
                .get("/feeds/index.html")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void validatorsGive304WithoutABody() {
        Response first = ok("/feeds/rss.xml", "application/rss+xml;charset=utf-8");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]+\""), etag);
        assertTrue(
                lastModified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
                lastModified);
        assertEquals(README_CACHE_CONTROL, first.header("Cache-Control"));

        given().urlEncodingEnabled(false)
                .header("If-None-Match", etag)
                .get("/feeds/rss.xml")
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", README_CACHE_CONTROL);
        given().urlEncodingEnabled(false)
                .header("If-Modified-Since", lastModified)
                .get("/feeds/rss.xml")
                .then()
                .statusCode(304);
        given().urlEncodingEnabled(false)
                .header("If-Modified-Since", "Tue, 05 Mar 2024 00:00:00 GMT")
                .get("/feeds/rss.xml")
                .then()
                .statusCode(200);
        given().urlEncodingEnabled(false)
                .header("If-None-Match", "\"stale\"")
                .header("If-Modified-Since", lastModified)
                .get("/feeds/rss.xml")
                .then()
                .statusCode(200);
        assertNotEquals(
                etag, given().urlEncodingEnabled(false).get("/feeds/atom.xml").header("ETag"), "one ETag per format");
    }

    @Test
    void gzipIsServedPrecompressedWithItsOwnEtagAndIdentityToOthers() throws Exception {
        // rest-assured asks for gzip itself unless its decoders are off
        var raw = RestAssuredConfig.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response identity = given().urlEncodingEnabled(false).config(raw).get("/feeds/rss.xml");
        identity.then().statusCode(200).header("Content-Encoding", nullValue()).header("Vary", "Accept-Encoding");
        Response gzip = given().urlEncodingEnabled(false)
                .config(raw)
                .header("Accept-Encoding", "gzip")
                .get("/feeds/rss.xml");
        gzip.then().statusCode(200).header("Content-Encoding", "gzip").header("Vary", "Accept-Encoding");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.asByteArray()))) {
            assertTrue(Arrays.equals(identity.asByteArray(), in.readAllBytes()));
        }
        assertTrue(gzip.asByteArray().length * 2 < identity.asByteArray().length);
        assertNotEquals(identity.header("ETag"), gzip.header("ETag"));
        given().urlEncodingEnabled(false)
                .config(raw)
                .header("Accept-Encoding", "gzip")
                .header("If-None-Match", gzip.header("ETag"))
                .get("/feeds/rss.xml")
                .then()
                .statusCode(304);
        given().urlEncodingEnabled(false)
                .config(raw)
                .header("If-None-Match", identity.header("ETag"))
                .get("/feeds/rss.xml")
                .then()
                .statusCode(304);
    }

    @Test
    void readersNeverCauseACallToArticleService() {
        int before = articles.requests();
        for (int i = 0; i < 20; i++) {
            given().urlEncodingEnabled(false).get("/feeds/rss.xml").then().statusCode(200);
            given().urlEncodingEnabled(false)
                    .get(CATEGORY + "/feed.json")
                    .then()
                    .statusCode(200);
        }
        assertEquals(before, articles.requests());
    }

    @Test
    void aPollWithNothingNewIsOneRequest() {
        int before = articles.requests();
        assertTrue(poller.poll());
        assertEquals(1, articles.requests() - before); // the change feed, whatever the number of categories and tags
    }

    @Test
    void aNewCategoryHasItsFeedInTheSamePollAsTheHomeFeedShowingItsArticle() {
        articles.add(new ObjectMapper()
                .createObjectNode()
                .put("id", 99)
                .put("slug", "new-desk")
                .put("title", "新栏目首篇")
                .put("publishedAt", "2024-03-09T08:00:00+08:00")
                .put("updatedAt", "2024-03-09T08:00:00+08:00")
                .put("summary", "s")
                .put("bodyHtml", "<p>新栏目</p>")
                .put("version", 1)
                .putNull("leadImage")
                .putNull("source")
                .<ObjectNode>set(
                        "categories", new ObjectMapper().createArrayNode().add("新栏目"))
                .<ObjectNode>set("tags", new ObjectMapper().createArrayNode().add("新标签"))
                .set("images", new ObjectMapper().createArrayNode()));
        assertTrue(poller.poll());
        assertTrue(FeedParsers.rss(ok("/feeds/rss.xml", "application/rss+xml;charset=utf-8")
                        .asByteArray())
                .titles()
                .contains("新栏目首篇"));
        assertTrue(FeedParsers.rss(
                        ok("/feeds/categories/%E6%96%B0%E6%A0%8F%E7%9B%AE/rss.xml", "application/rss+xml;charset=utf-8")
                                .asByteArray())
                .titles()
                .contains("新栏目首篇"));
        assertTrue(FeedParsers.rss(
                        ok("/feeds/tags/%E6%96%B0%E6%A0%87%E7%AD%BE/rss.xml", "application/rss+xml;charset=utf-8")
                                .asByteArray())
                .titles()
                .contains("新栏目首篇"));
    }

    @Test
    void anEditShowsAfterOnePollWithANewEtagAndAHubPing() {
        String etag = given().urlEncodingEnabled(false).get("/feeds/atom.xml").header("ETag");
        int pings = FakeArticleServiceResource.hub().pings().size();
        articles.retitle(3, "Article 3, corrected", "2024-03-07T00:00:00Z");
        assertTrue(poller.poll());
        Response after = ok("/feeds/atom.xml", "application/atom+xml;charset=utf-8");
        assertNotEquals(etag, after.header("ETag"));
        assertTrue(FeedParsers.atom(after.asByteArray()).titles().contains("Article 3, corrected"));
        given().urlEncodingEnabled(false)
                .header("If-None-Match", etag)
                .get("/feeds/atom.xml")
                .then()
                .statusCode(200);
        await(() -> FakeArticleServiceResource.hub().pings().stream()
                .skip(pings)
                .anyMatch(p -> p.equals("POST application/x-www-form-urlencoded hub.mode=publish&hub.url="
                        + "http%3A%2F%2Ffeeds.test%2Ffeeds%2Fatom.xml")));
    }

    @Test
    void aDeletedArticleLeavesEveryFeed() {
        articles.delete(1);
        assertTrue(poller.poll());
        assertFalse(FeedParsers.rss(
                        given().urlEncodingEnabled(false).get("/feeds/rss.xml").asByteArray())
                .titles()
                .contains(TRICKY_TITLE));
        assertFalse(FeedParsers.rss(
                        given().urlEncodingEnabled(false).get(TAG + "/rss.xml").asByteArray())
                .titles()
                .contains(TRICKY_TITLE));
        // the tag only article 1 had is gone, and so is its feed
        given().urlEncodingEnabled(false)
                .get("/feeds/tags/R%26D%20%3Clab%3E/rss.xml")
                .then()
                .statusCode(404);
    }

    @Test
    void withArticleServiceDownTheLastGoodFeedsAreServedMarkedStale() {
        Response fresh = ok("/feeds/feed.json", "application/feed+json");
        assertEquals(null, fresh.header("X-Feed-Stale"));
        articles.down(true);
        assertFalse(poller.poll());
        Response stale = ok("/feeds/feed.json", "application/feed+json");
        assertEquals(fresh.asString(), stale.asString());
        assertEquals("true", stale.header("X-Feed-Stale"));
        assertEquals("110 - \"Response is Stale\"", stale.header("Warning"));
        assertTrue(Long.parseLong(stale.header("X-Feed-Age")) >= 0);
        given().urlEncodingEnabled(false)
                .header("If-None-Match", fresh.header("ETag"))
                .get("/feeds/feed.json")
                .then()
                .statusCode(304)
                .header("X-Feed-Stale", "true");
        given().urlEncodingEnabled(false)
                .get(CATEGORY + "/rss.xml")
                .then()
                .statusCode(200)
                .header("X-Feed-Stale", "true");
        given().urlEncodingEnabled(false)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().urlEncodingEnabled(false)
                .accept("text/plain")
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(Matchers.containsString("newsdesk_feed_stale 1.0"))
                .body(Matchers.containsString("newsdesk_feed_polls_total{outcome=\"failed\""));

        articles.down(false);
        breakers.resetAll();
        assertTrue(poller.poll());
        given().urlEncodingEnabled(false)
                .get("/feeds/feed.json")
                .then()
                .statusCode(200)
                .header("X-Feed-Stale", nullValue())
                .header("ETag", notNullValue());
    }

    private static Response ok(String path, String contentType) {
        Response response = given().urlEncodingEnabled(false).get(path);
        response.then().statusCode(200).contentType(contentType.replace(";", "; "));
        return response;
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

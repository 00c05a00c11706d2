package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Posts imported through article-service reach all three feed formats of feed-service; the feeds
 * outlive article-service; a deleted article leaves them within 60 s. This class stops
 * article-service, so it runs its own system instead of the shared {@link RunningSystem}. Each
 * test imports the posts it reads, in a category of its own, so any one of them can run alone;
 * the order only keeps the test that stops article-service last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedFlowTest {

    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CATEGORY = "区块链";
    private static final String TAG = "金融科技";
    private static final String IMAGE = "https://dfscdn.dfcfw.com/download/D25000000000000001_w700h996.jpg";

    private static NewsdeskSystem system;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createDirectories(root.resolve("e2e/target/feed-flow"));
        system = NewsdeskSystem.start(
                root,
                Files.createTempDirectory(work, "data-"),
                work.resolve("logs"),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                Map.of("NEWSDESK_FEEDS_POLL_INTERVAL", "2s"));
        system.awaitReady(Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void importedPostsShowInEveryFormatWithAbsoluteLinksAndImages() throws Exception {
        List<Long> ids = List.of(
                importPost("feed-flow-one", "试点：区块链 & <金融科技> 扩大到十个城市", "2024-03-05 09:30:00 +0800", CATEGORY, IMAGE),
                importPost("feed-flow-two", "央行：数字人民币试点新进展", "2024-03-04 08:00:00 +0800", CATEGORY, null));

        String publicBase = system.article().baseUrl();
        String imageBase = system.image().baseUrl();
        Document rss =
                xml(await("/feeds/rss.xml", body -> body.contains("数字人民币试点新进展")).body());
        List<Element> items = elements(rss.getDocumentElement(), "item");
        Element first = items.stream()
                .filter(i -> text(i, "title").startsWith("试点"))
                .findFirst()
                .orElseThrow();
        assertEquals("试点：区块链 & <金融科技> 扩大到十个城市", text(first, "title"));
        assertTrue(text(first, "link").startsWith(publicBase + "/articles/"), text(first, "link"));
        assertEquals("urn:newsdesk:article:" + ids.get(0), text(first, "guid"));
        String content = first.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded")
                .item(0)
                .getTextContent();
        assertTrue(content.contains("src=\"" + imageBase + "/img/"), content);
        Element media = (Element) first.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content")
                .item(0);
        // Thumbnails come from the image-service (a signed JPEG at a fixed width), never the origin.
        assertTrue(
                media.getAttribute("url").startsWith(imageBase + "/img/")
                        && media.getAttribute("url").contains("/f:jpeg/"),
                media.getAttribute("url"));

        Document atom = xml(get("/feeds/atom.xml").body());
        assertEquals("http://www.w3.org/2005/Atom", atom.getDocumentElement().getNamespaceURI());
        assertTrue(elements(atom.getDocumentElement(), "entry").stream()
                .anyMatch(e -> text(e, "id").equals("urn:newsdesk:article:" + ids.get(1))));

        JsonNode json = JSON.readTree(get("/feeds/feed.json").body());
        assertEquals("https://jsonfeed.org/version/1.1", json.get("version").asText());
        JsonNode item = find(json, "urn:newsdesk:article:" + ids.get(0));
        assertTrue(item.get("url").asText().startsWith(publicBase + "/articles/"));
        assertEquals(media.getAttribute("url"), item.get("image").asText());
        assertTrue(item.get("content_html").asText().contains(imageBase + "/img/"));

        String categoryFeed = "/feeds/categories/" + encode(CATEGORY) + "/feed.json";
        JsonNode category =
                JSON.readTree(await(categoryFeed, body -> body.contains("urn:newsdesk:article:" + ids.get(0)))
                        .body());
        assertEquals(2, category.get("items").size());
        HttpResponse<String> tag = await("/feeds/tags/" + encode(TAG) + "/rss.xml", body -> body.contains("<item>"));
        assertEquals(
                "application/rss+xml; charset=utf-8",
                tag.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
        assertEquals(404, get("/feeds/categories/" + encode("不存在") + "/rss.xml").statusCode());

        String etag = get("/feeds/atom.xml").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = HTTP.send(
                HttpRequest.newBuilder(system.feed().url("/feeds/atom.xml"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, notModified.statusCode());
    }

    @Test
    @Order(2)
    void aDeletedArticleLeavesTheFeedsWithinSixtySeconds() throws Exception {
        String category = "数字货币";
        long kept = importPost("feed-flow-kept", "数字货币：保留的文章", "2024-03-06 09:00:00 +0800", category, null);
        long id = importPost("feed-flow-deleted", "数字货币：将被删除的文章", "2024-03-06 10:00:00 +0800", category, null);
        await(
                "/feeds/categories/" + encode(category) + "/rss.xml",
                body -> body.contains("urn:newsdesk:article:" + id) && body.contains("urn:newsdesk:article:" + kept));
        await("/feeds/feed.json", body -> body.contains("urn:newsdesk:article:" + id));
        HttpResponse<String> deleted = HTTP.send(
                HttpRequest.newBuilder(system.article().url("/api/articles/" + id))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        long start = System.nanoTime();
        await("/feeds/feed.json", body -> !body.contains("urn:newsdesk:article:" + id));
        await(
                "/feeds/categories/" + encode(category) + "/rss.xml",
                body -> !body.contains("urn:newsdesk:article:" + id));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 60);
        assertTrue(get("/feeds/feed.json").body().contains("urn:newsdesk:article:" + kept));
    }

    @Test
    @Order(3)
    void withArticleServiceStoppedTheFeedsAreStillServedMarkedStale() throws Exception {
        String category = "稳定币";
        long id = importPost("feed-flow-stale", "稳定币：停机前的文章", "2024-03-07 09:00:00 +0800", category, null);
        await(
                "/feeds/categories/" + encode(category) + "/atom.xml",
                body -> body.contains("urn:newsdesk:article:" + id));
        String before = await("/feeds/rss.xml", body -> body.contains("urn:newsdesk:article:" + id))
                .body();
        system.article().close();
        HttpResponse<String> stale = awaitResponse(
                "/feeds/rss.xml",
                r -> r.statusCode() == 200
                        && r.headers().firstValue("X-Feed-Stale").isPresent());
        assertEquals("true", stale.headers().firstValue("X-Feed-Stale").orElseThrow());
        assertNotNull(stale.headers().firstValue("Warning").orElse(null));
        assertEquals(before, stale.body());
        for (String path :
                List.of("/feeds/atom.xml", "/feeds/feed.json", "/feeds/categories/" + encode(category) + "/atom.xml")) {
            assertEquals(200, get(path).statusCode(), path);
        }
        assertEquals(200, get("/q/health/ready").statusCode());
        assertFalse(system.article().isAlive());
    }

    private static long importPost(String slug, String title, String date, String category, String image)
            throws Exception {
        String post = "---\nlayout: post\ntitle: \"" + title + "\"\nslug: " + slug + "\ndate: " + date
                + "\ncategories: " + category
                + "\ntags: " + TAG + "\n---\n<p>这是一篇示例文章的第一段，介绍试点的背景。</p>\n<p>第二段说明试点城市的名单和时间表。</p>\n"
                + (image == null ? "" : "<p><img src=\"" + image + "\"></p>\n")
                + "（文章来源：示例财经）\n<http://example.com/news/" + slug + ">\n";
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(system.article().url("/api/import"))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .header("Content-Type", "text/markdown")
                        .POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                response.statusCode() == 201 || response.statusCode() == 200,
                response.statusCode() + " " + response.body());
        return JSON.readTree(response.body()).get("id").asLong();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(system.feed().baseUrl() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Polls a feed until its body satisfies {@code condition}; within 60 s, the contract's promise. */
    private static HttpResponse<String> await(String path, Predicate<String> condition) throws Exception {
        return awaitResponse(path, r -> r.statusCode() == 200 && condition.test(r.body()));
    }

    private static HttpResponse<String> awaitResponse(String path, Predicate<HttpResponse<String>> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Not within 60 s: " + path + " -> "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static String text(Element parent, String localName) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && localName.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        return "";
    }

    private static JsonNode find(JsonNode feed, String id) {
        for (JsonNode item : feed.get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No item " + id);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

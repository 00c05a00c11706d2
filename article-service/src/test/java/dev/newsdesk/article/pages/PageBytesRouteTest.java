package dev.newsdesk.article.pages;

import static dev.newsdesk.article.TestPosts.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Cached pages come from {@link PageBytesRoute} on the event loop — never a worker thread — with
 * the bytes, tags and headers the resources send on the miss before; gzip bytes decode to the
 * identity bytes; a write anywhere (here: a change notified by the database, as another replica's
 * commit is) evicts them. Raw HTTP (the JDK client, which does not decode gzip by itself).
 */
@QuarkusTest
class PageBytesRouteTest {

    /** Upgrades to HTTP/2 (h2c) on its first request. */
    private static final HttpClient HTTP2 = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Duration PROMISE = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @Test
    void aCachedPageIsAnsweredOnTheEventLoopWithTheBytesOfTheMiss() throws Exception {
        String slug = importPost(unique("事件循环"));
        for (String path : new String[] {"/articles/" + slug, "/", "/sitemap.xml", "/sitemap-news.xml"}) {
            HttpResponse<byte[]> miss = get(path, null, null);
            HttpResponse<byte[]> hit = get(path, null, null);
            assertEquals(200, hit.statusCode(), path);
            assertEquals("event-loop", thread(hit), path + " from the cache");
            assertArrayEquals(miss.body(), hit.body(), path);
            for (String header : new String[] {"ETag", "Cache-Control", "Content-Type", "Vary"}) {
                assertEquals(miss.headers().firstValue(header), hit.headers().firstValue(header), path + " " + header);
            }
            assertEquals(Optional.of("Accept-Encoding"), hit.headers().firstValue("Vary"));
        }
    }

    @Test
    void gzipBytesDecodeToTheIdentityBytesAndBothRevalidate() throws Exception {
        String path = "/articles/" + importPost(unique("压缩"));
        byte[] identity = get(path, null, null).body();
        HttpResponse<byte[]> zipped = get(path, "gzip, deflate, br", null);
        assertEquals("event-loop", thread(zipped));
        assertEquals(Optional.of("gzip"), zipped.headers().firstValue("Content-Encoding"));
        assertArrayEquals(identity, gunzip(zipped.body()));
        assertTrue(zipped.body().length < identity.length / 2, "compressed");
        assertFalse(get(path, "gzip;q=0, identity", null)
                .headers()
                .firstValue("Content-Encoding")
                .isPresent());

        String strong = get(path, null, null).headers().firstValue("ETag").orElseThrow();
        String weak = zipped.headers().firstValue("ETag").orElseThrow();
        assertEquals("W/" + strong, weak, "the gzip variant's tag is the weak form");
        for (String tag : new String[] {strong, weak}) {
            HttpResponse<byte[]> notModified = get(path, "gzip", tag);
            assertEquals(304, notModified.statusCode(), tag);
            assertEquals("event-loop", thread(notModified));
            assertEquals(0, notModified.body().length);
            assertEquals(
                    Optional.of(RenderedPage.CACHE_CONTROL),
                    notModified.headers().firstValue("Cache-Control"));
        }
        assertEquals(200, get(path, null, "\"other\"").statusCode());
    }

    /** HTTP/2's encoder compresses whatever names its encoding: stored gzip would be gzipped twice. */
    @Test
    void overHttp2TheServerCompressesTheIdentityBytesOnce() throws Exception {
        String path = "/articles/" + importPost(unique("二代"));
        byte[] identity = get(path, null, null).body();
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = HTTP2.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .header("Accept-Encoding", "gzip")
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode());
            byte[] body = response.headers().firstValue("Content-Encoding").isPresent()
                    ? gunzip(response.body())
                    : response.body();
            assertArrayEquals(identity, body, response.version() + " answer " + i);
        }
    }

    @Test
    void aChangeNotifiedByTheDatabaseEvictsCachedPages() throws Exception {
        importPost(unique("失效"));
        String path = "/"; // an article page that does not show the changed article outlives it (KeptPagesTest)
        get(path, null, null);
        assertEquals("event-loop", thread(get(path, null, null)));
        // What another replica's commit sends (V30's trigger): this replica has no other way to know.
        try (Connection c = DriverManager.getConnection(url, username.orElse(null), null);
                Statement s = c.createStatement()) {
            s.execute("select pg_notify('article_change', '0:1:t:no-such-article')");
        }
        long start = System.nanoTime();
        while (!"worker".equals(thread(get(path, null, null)))) {
            assertTrue(System.nanoTime() - start < PROMISE.toNanos(), "the page stayed cached after a change");
        }
    }

    @Test
    void aWriteOnThisReplicaShowsOnTheNextRequest() throws Exception {
        String word = unique("新文章");
        get("/", null, null);
        assertEquals("event-loop", thread(get("/", null, null)));
        importPost(word);
        HttpResponse<byte[]> after = get("/", null, null);
        assertEquals("worker", thread(after));
        assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains(word), "the new article is listed");
    }

    @Test
    void problemsAreNeverCached() throws Exception {
        for (int i = 0; i < 2; i++) {
            HttpResponse<byte[]> missing = get("/articles/" + unique("no-such-"), null, null);
            assertEquals(404, missing.statusCode());
            assertEquals("worker", thread(missing));
        }
    }

    private static String importPost(String title) {
        return PageResourceTest.importPost(
                title,
                // Now: the home page lists the newest, and other classes may have written newer
                // dates than any fixed one before this runs (the class order is random).
                OffsetDateTime.now(ZoneOffset.ofHours(8)).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")),
                "huancun",
                "缓存",
                ("<p>" + title + "的正文，足够长，足够长，足够长，足够长，足够长，足够长，足够长。</p>").repeat(5));
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        return RawPages.get(base, path, acceptEncoding, ifNoneMatch);
    }

    private static String thread(HttpResponse<?> response) {
        return RawPages.thread(response);
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}

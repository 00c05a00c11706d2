package dev.newsdesk.feed.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.feed.render.FeedFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class RenditionTest {

    final Rendition rendition = Rendition.of(
            FeedFormat.RSS, "<rss/>".getBytes(StandardCharsets.UTF_8), Instant.parse("2024-03-05T01:30:00.700Z"));

    @Test
    void etagIsStrongAndFollowsTheBytes() {
        assertTrue(rendition.etag().matches("\"[A-Za-z0-9_-]{27}\""), rendition.etag());
        assertEquals(
                rendition.etag(),
                Rendition.of(FeedFormat.RSS, "<rss/>".getBytes(StandardCharsets.UTF_8), Instant.now())
                        .etag());
        assertNotEquals(
                rendition.etag(),
                Rendition.of(FeedFormat.RSS, "<rss />".getBytes(StandardCharsets.UTF_8), Instant.now())
                        .etag());
    }

    @Test
    void theGzipCopyIsItsOwnRepresentationWithItsOwnStrongEtag() throws Exception {
        assertEquals(
                rendition.etag().replace("\"", "").concat("-gzip"),
                rendition.gzipEtag().replace("\"", ""));
        try (var in = new GZIPInputStream(
                new ByteArrayInputStream(rendition.gzipBody().getBytes()))) {
            assertEquals("<rss/>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(rendition.notModified(rendition.gzipEtag(), null, true));
        assertFalse(rendition.notModified(rendition.etag(), null, true));
        assertFalse(rendition.notModified(rendition.gzipEtag(), null, false));
    }

    @Test
    void acceptEncodingIsReadWithItsQualities() {
        assertTrue(Rendition.acceptsGzip("gzip, deflate, br"));
        assertTrue(Rendition.acceptsGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(Rendition.acceptsGzip("*"));
        assertFalse(Rendition.acceptsGzip("gzip;q=0"));
        assertFalse(Rendition.acceptsGzip("identity"));
        assertFalse(Rendition.acceptsGzip(null));
    }

    @Test
    void theBodyCanBeWrittenAgainAndAgain() {
        for (int i = 0; i < 3; i++) {
            assertEquals("<rss/>", rendition.body().toString(StandardCharsets.UTF_8));
            assertEquals(6, rendition.body().getByteBuf().readableBytes());
        }
    }

    @Test
    void lastModifiedIsAnImfFixdateInWholeSeconds() {
        assertEquals("Tue, 05 Mar 2024 01:30:00 GMT", rendition.lastModifiedHeader());
    }

    @Test
    void ifNoneMatchDecidesWithWeakComparisonAndLists() {
        assertTrue(rendition.notModified(rendition.etag(), null, false));
        assertTrue(rendition.notModified("\"other\", W/" + rendition.etag(), null, false));
        assertTrue(rendition.notModified("*", null, false));
        assertFalse(rendition.notModified("\"other\"", null, false));
        // If-None-Match wins over a matching If-Modified-Since (RFC 9110 §13.2.2)
        assertFalse(rendition.notModified("\"other\"", "Tue, 05 Mar 2024 01:30:00 GMT", false));
    }

    @Test
    void ifModifiedSinceComparesWholeSeconds() {
        assertTrue(rendition.notModified(null, "Tue, 05 Mar 2024 01:30:00 GMT", false));
        assertTrue(rendition.notModified(null, "Wed, 06 Mar 2024 00:00:00 GMT", false));
        assertFalse(rendition.notModified(null, "Tue, 05 Mar 2024 01:29:59 GMT", false));
        assertFalse(rendition.notModified(null, "not a date", false));
        assertFalse(rendition.notModified(null, null, false));
    }
}

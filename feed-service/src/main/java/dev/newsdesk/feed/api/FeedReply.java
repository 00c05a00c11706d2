package dev.newsdesk.feed.api;

import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Rendition;
import dev.newsdesk.feed.render.FeedFormat;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one rendered document answers a request with — 200 or 304, identity or gzip, and the
 * headers — decided once, here, for both ways a feed request is answered: {@link FeedHitRoute}
 * on the event loop and {@link FeedResource} for everything else.
 *
 * <p>Caching: {@value #CACHE_CONTROL}. A CDN or reader may reuse a document for a minute (well
 * inside the poll-to-feed delay readers are promised), serve it while revalidating for five
 * minutes, and keep serving it for a day if feed-service itself fails. Stale documents (article-
 * service unreachable since the last good poll) carry {@code Warning: 110 - "Response is Stale"}
 * (RFC 7234 §5.5.1), {@code X-Feed-Stale: true} and {@code X-Feed-Age}: seconds since the feeds
 * last matched article-service. Clients that accept gzip get the copy compressed when the
 * document was rendered (its own ETag, {@code Vary: Accept-Encoding}); the others the identity bytes.
 *
 * @param body null for a 304
 */
record FeedReply(int status, Buffer body, Map<String, String> headers) {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    static FeedReply of(
            Rendition rendition,
            FeedFormat format,
            String ifNoneMatch,
            String ifModifiedSince,
            String acceptEncoding,
            FeedStore store) {
        boolean gzip = Rendition.acceptsGzip(acceptEncoding);
        Map<String, String> headers = new LinkedHashMap<>();
        boolean notModified = rendition.notModified(ifNoneMatch, ifModifiedSince, gzip);
        if (!notModified) {
            headers.put("Content-Type", format.mediaType());
            if (gzip) {
                headers.put("Content-Encoding", "gzip");
            }
        }
        headers.put("ETag", rendition.etag(gzip));
        headers.put("Vary", "Accept-Encoding");
        headers.put("Last-Modified", rendition.lastModifiedHeader());
        headers.put("Cache-Control", CACHE_CONTROL);
        if (store.stale()) {
            headers.put("Warning", "110 - \"Response is Stale\"");
            headers.put("X-Feed-Stale", "true");
            headers.put("X-Feed-Age", Long.toString(store.ageSeconds(Instant.now())));
        }
        return new FeedReply(notModified ? 304 : 200, notModified ? null : rendition.body(gzip), headers);
    }
}

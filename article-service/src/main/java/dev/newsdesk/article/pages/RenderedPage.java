package dev.newsdesk.article.pages;

import dev.newsdesk.http.EntityTags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * A page as bytes, identity and gzip, compressed once when rendered rather than per response,
 * with its entity tag and media type; and how a request is answered from it ({@link #reply}),
 * which the event-loop route and the REST resource both write out. Cache-Control suits a CDN:
 * browsers keep a page a short while, the CDN a little longer ({@code s-maxage}) and may serve
 * it stale while it revalidates. Brotli is not offered: the JDK has no encoder, and the native
 * ones (brotli4j) are JNI libraries the native-image analysis does not cover.
 */
public record RenderedPage(byte[] body, byte[] gzip, String etag, String contentType) {

    static final String CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
    static final String HTML = "text/html; charset=UTF-8";
    static final String XML = "application/xml; charset=UTF-8";
    static final String VARY = "Accept-Encoding";

    /** What to send: status, the bytes (none for a 304), their encoding and tag. */
    record Reply(int status, byte[] body, boolean gzipped, String etag) {
        Reply withBody(byte[] bytes) {
            return new Reply(status, bytes, gzipped, etag);
        }
    }

    static RenderedPage html(String html) {
        return of(html, HTML);
    }

    static RenderedPage xml(String xml) {
        return of(xml, XML);
    }

    private static RenderedPage of(String text, String contentType) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(
                bytes, gzip(bytes), "\"" + Stylesheet.hash(bytes).substring(0, 32) + "\"", contentType);
    }

    /**
     * The answer to a GET with these headers: 304 when the client holds this page (compared
     * weakly, RFC 9110), else the gzip bytes when the client takes gzip, else the identity bytes.
     * The gzip variant's tag is the weak form of the identity's (like nginx's): the two are not
     * byte-for-byte the same representation, yet either validates a conditional request.
     */
    Reply reply(String ifNoneMatch, String acceptEncoding) {
        Reply reply = choose(etag, ifNoneMatch, acceptEncoding);
        return reply.status() == 304 ? reply : reply.withBody(reply.gzipped() ? gzip : body);
    }

    /**
     * {@link #reply} for a page known by its tag alone, whose bytes are kept elsewhere: a 200's
     * body is left for the caller to fill with the encoding chosen.
     */
    static Reply choose(String etag, String ifNoneMatch, String acceptEncoding) {
        boolean gzipped = AcceptEncoding.takesGzip(acceptEncoding);
        String tag = gzipped ? "W/" + etag : etag;
        if (EntityTags.matchesWeakly(ifNoneMatch, etag)) {
            return new Reply(304, null, false, tag);
        }
        return new Reply(200, null, gzipped, tag);
    }

    /** What a cache holds of it: both encodings and a little for the record, key and node. */
    int weight() {
        return body.length + gzip.length + 300;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory does not fail", e);
        }
        return out.toByteArray();
    }
}

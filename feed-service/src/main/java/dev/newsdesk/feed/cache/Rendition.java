package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.http.EntityTags;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * One rendered document — one page of one feed in one format — with the validators of RFC 9110:
 * a strong {@code ETag} from the bytes (so replicas that render the same articles agree on it)
 * and {@code Last-Modified}. Header values are formatted once, when the document is rendered.
 *
 * <p>The bytes are held once, off-heap, in a buffer every response writes from without copying
 * (Netty hands a direct buffer straight to the socket): serving a 100 KB feed then costs about
 * what serving a 304 costs, which is what lets feed-service keep up with nginx's sendfile.
 *
 * <p>A gzip-encoded copy is made at the same time (about a fifth of the size for these feeds),
 * for the readers and CDNs that accept it — nearly all — so compression costs once per rendering,
 * never per request. It is a different representation (RFC 9110 §8.8.3), so it has its own strong
 * ETag: the identity one with {@code -gzip} inside the quotes.
 */
public record Rendition(
        FeedFormat format,
        Buffer body,
        String etag,
        Buffer gzipBody,
        String gzipEtag,
        Instant lastModified,
        String lastModifiedHeader) {

    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, always GMT. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static Rendition of(FeedFormat format, byte[] bytes, Instant lastModified) {
        Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
        // A JDK direct buffer, not Netty's Unpooled.directBuffer: Netty's may be allocated without a
        // cleaner and then only freed by release(), which a document replaced by a rebuild never gets;
        // the JDK's is freed by the garbage collector once the last response holding it is written.
        String etag = EntityTags.ofContent(bytes);
        return new Rendition(
                format,
                offHeap(bytes),
                etag,
                offHeap(gzip(bytes)),
                etag.substring(0, etag.length() - 1) + "-gzip\"",
                seconds,
                HTTP_DATE.format(seconds));
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (RFC 9110 §12.5.3; {@code q=0} refuses). */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** The body of the representation chosen for this request. */
    public Buffer body(boolean gzip) {
        return gzip ? gzipBody : body;
    }

    /** The ETag of the representation chosen for this request. */
    public String etag(boolean gzip) {
        return gzip ? gzipEtag : etag;
    }

    private static Buffer offHeap(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        return Buffer.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
    }

    /** Deterministic gzip (the JDK writes no file name and a zero mtime), so replicas agree on it too. */
    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The memory the document holds: its identity and gzip bytes. */
    int weight() {
        return body.length() + gzipBody.length();
    }

    /** A copy of the document's bytes (for tests and tools; responses write {@link #body()}). */
    public byte[] bytes() {
        return body.getBytes();
    }

    /**
     * Whether a client holding the validators it sent already has these bytes (RFC 9110 §13.1):
     * {@code If-None-Match} decides when present (weak comparison, as §13.1.2 requires for it);
     * {@code If-Modified-Since} only when it is absent.
     */
    public boolean notModified(String ifNoneMatch, String ifModifiedSince, boolean gzip) {
        if (ifNoneMatch != null) {
            return EntityTags.matchesWeakly(ifNoneMatch, etag(gzip));
        }
        if (ifModifiedSince != null) {
            Instant since = parseHttpDate(ifModifiedSince);
            return since != null && !lastModified.isAfter(since);
        }
        return false;
    }

    /** An HTTP date in any of the forms RFC 9110 §5.6.7 says recipients accept; null if none fits. */
    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package dev.newsdesk.feed.cache;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;

import dev.newsdesk.feed.render.FeedFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * One prebuilt document — one page of one feed in one format — with the validators of RFC 9110:
 * a strong {@code ETag} from the bytes (so replicas that render the same articles agree on it)
 * and {@code Last-Modified}. Header values are formatted once, when the document is built.
 *
 * <p>The bytes are held once, off-heap, in a buffer every response writes from without copying
 * (Netty hands a direct buffer straight to the socket): serving a 100 KB feed then costs about
 * what serving a 304 costs, which is what lets feed-service keep up with nginx's sendfile.
 */
public record Rendition(FeedFormat format, Buffer body, String etag, Instant lastModified, String lastModifiedHeader) {

    /** IMF-fixdate (RFC 9110 §5.6.7): two-digit day, always GMT. */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static Rendition of(FeedFormat format, byte[] bytes, Instant lastModified) {
        Instant seconds = lastModified.truncatedTo(ChronoUnit.SECONDS);
        // A JDK direct buffer, not Netty's Unpooled.directBuffer: Netty's may be allocated without a
        // cleaner and then only freed by release(), which a document replaced by a rebuild never gets;
        // the JDK's is freed by the garbage collector once the last response holding it is written.
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
        return new Rendition(format, Buffer.buffer(body), strongEtag(bytes), seconds, HTTP_DATE.format(seconds));
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
    public boolean notModified(String ifNoneMatch, String ifModifiedSince) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            Instant since = parseHttpDate(ifModifiedSince);
            return since != null && !lastModified.isAfter(since);
        }
        return false;
    }

    private boolean matchesAny(String header) {
        String ours = opaque(etag);
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(ours)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** An HTTP date in any of the forms RFC 9110 §5.6.7 says recipients accept; null if none fits. */
    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String strongEtag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

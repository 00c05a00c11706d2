package dev.newsdesk.image.cache;

import dev.newsdesk.image.ImageOptions.Format;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** An encoded output as served and cached: the bytes, their real format and a strong ETag over the bytes. */
public record Encoded(byte[] bytes, Format format, String etag) {

    public static Encoded of(byte[] bytes, Format format) {
        return new Encoded(bytes, format, etagOf(bytes));
    }

    public String contentType() {
        return format.mediaType;
    }

    static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.newsdesk.image.cache;

import dev.newsdesk.http.EntityTags;
import dev.newsdesk.image.pipeline.ImageOptions.Format;

/** An encoded output as served and cached: the bytes, their real format and a strong ETag over the bytes. */
public record Encoded(byte[] bytes, Format format, String etag) {

    public static Encoded of(byte[] bytes, Format format) {
        return new Encoded(bytes, format, EntityTags.ofContent(bytes));
    }

    public String contentType() {
        return format.mediaType;
    }
}

package dev.newsdesk.image.service;

import dev.newsdesk.image.pipeline.ImageOptions;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A verified request ready to render: the origin URL, the options, and the format negotiation
 * chose ({@code target}; for {@code f:auto} a JPEG target becomes PNG for a transparent source).
 */
public record ImageRequest(String sourceUrl, ImageOptions options, Format target) {

    /** The cache key: everything that changes the bytes, the chosen format included. */
    public String cacheKey() {
        String text = sourceUrl + "\n" + options.canonical(options.format()) + "\n" + target;
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.newsdesk.article.pages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A classpath asset served under a name that carries its content hash ({@code site.1a2b3c4d5e.css}),
 * so it can be cached for a year as immutable: a changed file is a new name, and pages name it.
 */
public record Stylesheet(String fileName, byte[] bytes) {

    public static Stylesheet load(String resource, String stem, String extension) {
        try (InputStream in = Stylesheet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            byte[] bytes = in.readAllBytes();
            return new Stylesheet(stem + "." + hash(bytes).substring(0, 10) + "." + extension, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex SHA-256; also the pages' entity tags. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

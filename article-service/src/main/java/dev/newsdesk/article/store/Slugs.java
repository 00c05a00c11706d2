package dev.newsdesk.article.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Slugs are URL-safe ASCII ({@code [a-z0-9-]}) and never derived from the title, so editing a
 * title never moves a page: an explicit front-matter {@code slug} when it is already URL-safe,
 * otherwise the publication date plus a short hash of the post's import identity
 * ({@code 2022-01-30-3f9a1c0e}). Chinese titles have no transliteration we could trust anyway.
 */
public final class Slugs {

    private static final String SAFE = "[a-z0-9]+(?:-[a-z0-9]+)*";

    private Slugs() {}

    /** The explicit slug, lower-cased, if it is URL-safe; null otherwise (the caller derives one). */
    public static String explicit(String frontMatterSlug) {
        if (frontMatterSlug == null) {
            return null;
        }
        String s = frontMatterSlug.strip().toLowerCase(Locale.ROOT);
        return s.length() <= 120 && s.matches(SAFE) ? s : null;
    }

    /** {@code yyyy-MM-dd-} plus {@code hashChars} hex characters of SHA-256(identity). */
    public static String derived(OffsetDateTime published, String identity, int hashChars) {
        return published.toLocalDate() + "-" + sha256(identity).substring(0, hashChars);
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

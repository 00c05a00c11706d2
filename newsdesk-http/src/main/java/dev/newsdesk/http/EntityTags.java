package dev.newsdesk.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Entity-tag comparison as RFC 9110 defines it (§8.8.3.2), for the conditional headers that
 * carry a list of tags or {@code *}. The two comparisons differ only for weak tags, and that
 * difference is the point: {@code If-Match} guards a write, so it takes the strong one
 * (§13.1.1) and a weak tag never lets an update through; {@code If-None-Match} asks whether
 * the client already holds an equivalent copy, so it takes the weak one (§13.1.2).
 *
 * <p>Tags are parsed by the grammar (§8.8.3: {@code [W/] DQUOTE *etagc DQUOTE}), so a comma
 * inside the quotes is part of the tag, not a list separator. A header that does not parse
 * matches nothing: an {@code If-Match} then fails (412) and an {@code If-None-Match} is
 * answered in full, the safe outcome of each.
 */
public final class EntityTags {

    private EntityTags() {}

    /**
     * A strong tag derived from the bytes alone (SHA-256, base64url, 162 bits): every replica that
     * holds the same representation gives the same tag, so a client switching replicas keeps its 304s.
     */
    public static String ofContent(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\""
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(digest)
                            .substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether an {@code If-Match} header holds for the current tag: {@code *}, or a listed tag equal and strong on both sides. */
    public static boolean matchesStrongly(String header, String current) {
        return matches(header, current, true);
    }

    /** Whether an {@code If-None-Match} header names the current tag: {@code *}, or a listed tag with the same opaque part, weak or not. */
    public static boolean matchesWeakly(String header, String current) {
        return matches(header, current, false);
    }

    private static boolean matches(String header, String current, boolean strong) {
        if (header == null || current == null) {
            return false;
        }
        if (header.strip().equals("*")) {
            return true;
        }
        Tag ours = Tag.parse(current.strip());
        List<Tag> listed = list(header);
        if (ours == null || listed == null) {
            return false;
        }
        for (Tag tag : listed) {
            if (tag.opaque().equals(ours.opaque()) && !(strong && (tag.weak() || ours.weak()))) {
                return true;
            }
        }
        return false;
    }

    /** The tags of a {@code #entity-tag} list (empty elements allowed, §5.6.1); null if any element is malformed. */
    private static List<Tag> list(String header) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (i < n) {
            char c = header.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i >= n || header.charAt(i) != '"') {
                return null;
            }
            int close = i + 1;
            while (close < n && isEtagChar(header.charAt(close))) {
                close++;
            }
            if (close >= n || header.charAt(close) != '"') {
                return null;
            }
            tags.add(new Tag(header.substring(i, close + 1), i > start));
            i = close + 1;
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && header.charAt(i) != ',') {
                return null;
            }
        }
        return tags;
    }

    /** etagc = %x21 / %x23-7E / obs-text: any visible character but the double quote. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    /** One entity tag: its opaque part with the quotes, and whether it was marked weak. */
    private record Tag(String opaque, boolean weak) {

        static Tag parse(String value) {
            List<Tag> one = list(value);
            return one != null && one.size() == 1 ? one.get(0) : null;
        }
    }
}

package dev.newsdesk.feed.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Which feed: the home feed, or the feed of one category or one tag. Names may be in any script;
 * {@link #path()} is their URL-encoded form under {@code /feeds}.
 */
public record FeedKey(Kind kind, String name) {

    public enum Kind {
        HOME,
        CATEGORY,
        TAG
    }

    public static final FeedKey HOME = new FeedKey(Kind.HOME, null);

    public FeedKey {
        Objects.requireNonNull(kind);
        if ((kind == Kind.HOME) != (name == null)) {
            throw new IllegalArgumentException("Only the home feed has no name");
        }
    }

    public static FeedKey category(String name) {
        return new FeedKey(Kind.CATEGORY, name);
    }

    public static FeedKey tag(String name) {
        return new FeedKey(Kind.TAG, name);
    }

    /** The category filter of article-service's list, or null. */
    public String category() {
        return kind == Kind.CATEGORY ? name : null;
    }

    /** The tag filter of article-service's list, or null. */
    public String tag() {
        return kind == Kind.TAG ? name : null;
    }

    /** The feed's folder below the feed base: {@code /feeds}, {@code /feeds/categories/%E5%8C%BA...}. */
    public String path() {
        return switch (kind) {
            case HOME -> "/feeds";
            case CATEGORY -> "/feeds/categories/" + encodePathSegment(name);
            case TAG -> "/feeds/tags/" + encodePathSegment(name);
        };
    }

    /** The public HTML page listing the same articles (article-service's pages). */
    public String pagePath() {
        return switch (kind) {
            case HOME -> "/";
            case CATEGORY -> "/categories/" + encodePathSegment(name);
            case TAG -> "/tags/" + encodePathSegment(name);
        };
    }

    /** A stable, unique id for Atom's {@code <id>}: never changes while the feed exists. */
    public String urn() {
        return switch (kind) {
            case HOME -> "urn:newsdesk:feed:home";
            case CATEGORY -> "urn:newsdesk:feed:category:" + encodePathSegment(name);
            case TAG -> "urn:newsdesk:feed:tag:" + encodePathSegment(name);
        };
    }

    /** RFC 3986 path-segment encoding: UTF-8 percent-encoding, space as {@code %20}, never {@code +}. */
    public static String encodePathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

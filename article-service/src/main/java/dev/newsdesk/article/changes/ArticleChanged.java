package dev.newsdesk.article.changes;

/**
 * A write committed by some replica (this one included), as the database announced it: caches
 * holding an older copy of the article drop it. Fired on the listener's thread.
 */
public record ArticleChanged(long articleId, long version, boolean deleted, String slug) {

    /**
     * Parses the payload of the {@code article_change} notification, {@code id:version:deleted:slug}
     * (V30 migration); the slug comes last because it is the one free-text part.
     */
    public static ArticleChanged parse(String payload) {
        String[] parts = payload.split(":", 4);
        if (parts.length != 4) {
            throw new IllegalArgumentException("Not an article_change payload: " + payload);
        }
        return new ArticleChanged(
                Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2].startsWith("t"), parts[3]);
    }
}

package dev.newsdesk.article.store;

import java.time.Instant;

/**
 * A listing's filters (null: no filter), the keyset position to continue after (the
 * (publishedAt, id) of the last row of the previous page, and with {@code text} its rank too), how
 * many rows to return, and the status listed ({@link Visibility}; null: what the public sees).
 */
public record ArticleQuery(
        String category,
        String tag,
        String source,
        String text,
        Instant from,
        Instant to,
        Instant afterPublishedAt,
        Long afterId,
        Double afterRank,
        int limit,
        String status) {

    public ArticleQuery withLimit(int rows) {
        return new ArticleQuery(
                category, tag, source, text, from, to, afterPublishedAt, afterId, afterRank, rows, status);
    }
}

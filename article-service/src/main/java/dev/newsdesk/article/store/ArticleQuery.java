package dev.newsdesk.article.store;

import java.time.Instant;

/**
 * A listing's filters (null: no filter) and the keyset position to continue after: the
 * (publishedAt, id) of the last row of the previous page.
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
        int limit) {}

package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every document of one feed as last built: for each format, its pages (index 0 is page 1),
 * plus the fingerprint of the article list they were built from.
 */
public record BuiltFeed(FeedKey key, String fingerprint, Map<FeedFormat, List<Rendition>> pages) {

    public BuiltFeed {
        pages = new EnumMap<>(pages);
    }

    /** Page {@code page} (1-based) in {@code format}, or null when there is no such page. */
    public Rendition page(FeedFormat format, int page) {
        List<Rendition> renditions = pages.get(format);
        return renditions == null || page < 1 || page > renditions.size() ? null : renditions.get(page - 1);
    }
}

package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.render.FeedRenderer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Builds all documents of one feed from its items: pages of {@code pageSize}, each rendered in
 * every format. Plain Java, so its cost can be measured without a server (bench/feed).
 */
public final class FeedBuilder {

    private final List<FeedRenderer> renderers = FeedRenderer.all();
    private final FeedLinks links;
    private final int pageSize;
    private final int maxPages;

    public FeedBuilder(FeedLinks links, int pageSize, int maxPages) {
        this.links = links;
        this.pageSize = Math.max(1, pageSize);
        this.maxPages = Math.max(1, maxPages);
    }

    public FeedLinks links() {
        return links;
    }

    /**
     * The documents for {@code items} (newest first). Their {@code Last-Modified} is a function of
     * what article-service holds, so every replica that has read the same changes gives the same
     * one: the newest item's update, or the newest deletion anywhere if that is later,
     * because a deletion changes a feed without making any remaining item newer, and a client's
     * {@code If-Modified-Since} must not then be answered 304. ({@code lastDeletion} is global: a
     * deletion elsewhere costs clients that send only {@code If-Modified-Since} one full answer;
     * clients with the ETag still get 304.)
     */
    public BuiltFeed build(FeedKey key, String fingerprint, List<FeedItem> items, Instant lastDeletion) {
        int pageCount = Math.max(1, Math.min(maxPages, (items.size() + pageSize - 1) / pageSize));
        Map<FeedFormat, List<Rendition>> pages = new EnumMap<>(FeedFormat.class);
        for (int page = 1; page <= pageCount; page++) {
            int from = (page - 1) * pageSize;
            List<FeedItem> slice = items.subList(Math.min(from, items.size()), Math.min(from + pageSize, items.size()));
            boolean hasNext = page < pageCount;
            Feed feed = links.feed(key, page, hasNext, slice);
            Instant modified = later(feed.updated().toInstant(), lastDeletion);
            for (FeedRenderer renderer : renderers) {
                pages.computeIfAbsent(renderer.format(), f -> new ArrayList<>())
                        .add(Rendition.of(renderer.format(), renderer.render(feed), modified));
            }
        }
        return new BuiltFeed(key, fingerprint, pages);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}

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
     * The documents for {@code items} (newest first). {@code previous}, the feed as built before,
     * keeps its {@code Last-Modified} for documents whose bytes did not change; a changed document
     * gets the later of its newest item's update and {@code now}, because a deletion changes a feed
     * without making any remaining item newer, and a client's {@code If-Modified-Since} must not
     * then be answered 304.
     */
    public BuiltFeed build(FeedKey key, String fingerprint, List<FeedItem> items, BuiltFeed previous, Instant now) {
        int pageCount = Math.max(1, Math.min(maxPages, (items.size() + pageSize - 1) / pageSize));
        Map<FeedFormat, List<Rendition>> pages = new EnumMap<>(FeedFormat.class);
        for (int page = 1; page <= pageCount; page++) {
            int from = (page - 1) * pageSize;
            List<FeedItem> slice = items.subList(Math.min(from, items.size()), Math.min(from + pageSize, items.size()));
            boolean hasNext = page < pageCount;
            Feed feed = links.feed(key, page, hasNext, slice);
            Instant newest = feed.updated().toInstant();
            for (FeedRenderer renderer : renderers) {
                byte[] bytes = renderer.render(feed);
                Rendition before = previous == null ? null : previous.page(renderer.format(), page);
                Rendition rendition = Rendition.of(renderer.format(), bytes, newest);
                if (before != null) {
                    rendition = before.etag().equals(rendition.etag())
                            ? before
                            : Rendition.of(renderer.format(), bytes, later(newest, now));
                }
                pages.computeIfAbsent(renderer.format(), f -> new ArrayList<>()).add(rendition);
            }
        }
        return new BuiltFeed(key, fingerprint, pages);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

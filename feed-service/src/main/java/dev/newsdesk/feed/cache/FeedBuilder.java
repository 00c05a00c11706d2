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
import java.util.stream.Stream;

/**
 * Builds one feed from its items: pages of {@code pageSize}, each a model that every format is
 * rendered from when a reader first asks for it ({@link BuiltFeed#page}). Plain Java, so its cost
 * can be measured without a server (bench/feed).
 */
public final class FeedBuilder {

    /** The documents a builder made without a bound of its own keep (tests and tools). */
    static final long DEFAULT_RENDITION_BYTES = 32L * 1024 * 1024;

    private final Map<FeedFormat, FeedRenderer> renderers = new EnumMap<>(FeedFormat.class);
    private final FeedLinks links;
    private final int pageSize;
    private final int maxPages;
    private final Renditions renditions;

    public FeedBuilder(FeedLinks links, int pageSize, int maxPages, Renditions renditions) {
        this.links = links;
        this.pageSize = Math.max(1, pageSize);
        this.maxPages = Math.max(1, maxPages);
        this.renditions = renditions;
        FeedRenderer.all().forEach(r -> renderers.put(r.format(), r));
    }

    public FeedBuilder(FeedLinks links, int pageSize, int maxPages) {
        this(links, pageSize, maxPages, new Renditions(DEFAULT_RENDITION_BYTES));
    }

    public FeedLinks links() {
        return links;
    }

    public Renditions renditions() {
        return renditions;
    }

    /**
     * The feed of {@code items} (newest first). Its {@code Last-Modified} is a function of
     * what article-service holds, so every replica that has read the same changes gives the same
     * one: the newest item's update, or the newest deletion anywhere if that is later,
     * because a deletion changes a feed without making any remaining item newer, and a client's
     * {@code If-Modified-Since} must not then be answered 304. ({@code lastDeletion} is global: a
     * deletion elsewhere costs clients that send only {@code If-Modified-Since} one full answer;
     * clients with the ETag still get 304.)
     */
    public BuiltFeed build(FeedKey key, String fingerprint, List<FeedItem> items, Instant lastDeletion) {
        int pageCount = Math.max(1, Math.min(maxPages, (items.size() + pageSize - 1) / pageSize));
        List<BuiltFeed.Page> pages = new ArrayList<>(pageCount);
        for (int page = 1; page <= pageCount; page++) {
            int from = (page - 1) * pageSize;
            List<FeedItem> slice = items.subList(Math.min(from, items.size()), Math.min(from + pageSize, items.size()));
            Feed feed = links.feed(key, page, page < pageCount, slice);
            pages.add(new BuiltFeed.Page(feed, later(feed.updated().toInstant(), lastDeletion)));
        }
        return new BuiltFeed(
                key, fingerprint, firstPage(pages.getFirst().feed()), lastDeletion, pages, renderers, renditions);
    }

    /** What page 1 shows, as a fingerprint: see {@link BuiltFeed#firstPage}. */
    private static String firstPage(Feed page) {
        return Fingerprint.of(Stream.concat(
                Stream.of(page.title(), Boolean.toString(page.hasNext())),
                page.items().stream().map(item -> item.id() + ":" + item.updated())));
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}

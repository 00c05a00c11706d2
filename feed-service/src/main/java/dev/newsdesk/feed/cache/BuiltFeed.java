package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.render.FeedRenderer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One build of one feed: its pages as models (index 0 is page 1), each page's
 * {@code Last-Modified}, and the fingerprint of the article list they were built from. The
 * documents are rendered from the models when first asked for and kept in {@link Renditions};
 * a rebuild is a new object, so its documents never mix with the ones it replaces.
 */
public final class BuiltFeed {

    private static final AtomicLong BUILDS = new AtomicLong();

    private final long build = BUILDS.incrementAndGet();
    private final FeedKey key;
    private final String fingerprint;
    private final String firstPage;
    private final List<Feed> pages;
    private final List<Instant> lastModified;
    private final Map<FeedFormat, FeedRenderer> renderers;
    private final Renditions renditions;

    BuiltFeed(
            FeedKey key,
            String fingerprint,
            String firstPage,
            List<Feed> pages,
            List<Instant> lastModified,
            Map<FeedFormat, FeedRenderer> renderers,
            Renditions renditions) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.firstPage = firstPage;
        this.pages = List.copyOf(pages);
        this.lastModified = List.copyOf(lastModified);
        this.renderers = renderers;
        this.renditions = renditions;
    }

    public FeedKey key() {
        return key;
    }

    /** The fingerprint of the article list (ids, versions, updates) the feed was built from. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * What page 1 shows (its items' ids and updates, its title, whether a page 2 follows): two
     * builds with the same value render the same first page in every format.
     */
    public String firstPage() {
        return firstPage;
    }

    /** Whether the feed has page {@code page} (1-based). */
    public boolean hasPage(int page) {
        return page >= 1 && page <= pages.size();
    }

    /** Page {@code page} (1-based) in {@code format}, rendered now if needed; null when there is no such page. */
    public Rendition page(FeedFormat format, int page) {
        if (!hasPage(page)) {
            return null;
        }
        return renditions.get(
                new Renditions.Key(build, format, page),
                () -> Rendition.of(
                        format, renderers.get(format).render(pages.get(page - 1)), lastModified.get(page - 1)));
    }

    /** Page {@code page} in {@code format} if it is rendered already, else null: never renders. */
    public Rendition rendered(FeedFormat format, int page) {
        return hasPage(page) ? renditions.peek(new Renditions.Key(build, format, page)) : null;
    }
}

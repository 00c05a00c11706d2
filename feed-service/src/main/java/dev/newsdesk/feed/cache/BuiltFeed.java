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
 * One build of one feed: its pages as models with their {@code Last-Modified} (index 0 is page
 * 1), and the fingerprint of the article list they were built from. The documents are rendered
 * from the models when first asked for and kept in {@link Renditions}; a rebuild is a new
 * object, so its documents never mix with the ones it replaces.
 */
public final class BuiltFeed {

    /** One page's model and its {@code Last-Modified}. */
    record Page(Feed feed, Instant lastModified) {}

    private static final AtomicLong BUILDS = new AtomicLong();

    private final long build = BUILDS.incrementAndGet();
    private final FeedKey key;
    private final String fingerprint;
    private final String firstPage;
    private final Instant lastDeletion;
    private final List<Page> pages;
    private final Map<FeedFormat, FeedRenderer> renderers;
    private final Renditions renditions;

    BuiltFeed(
            FeedKey key,
            String fingerprint,
            String firstPage,
            Instant lastDeletion,
            List<Page> pages,
            Map<FeedFormat, FeedRenderer> renderers,
            Renditions renditions) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.firstPage = firstPage;
        this.lastDeletion = lastDeletion;
        this.pages = List.copyOf(pages);
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

    /** The newest deletion its {@code Last-Modified} counted (null: none). */
    public Instant lastDeletion() {
        return lastDeletion;
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
        Page built = pages.get(page - 1);
        return renditions.get(
                new Renditions.Key(build, format, page),
                () -> Rendition.of(format, renderers.get(format).render(built.feed()), built.lastModified()));
    }

    /** Page {@code page} in {@code format} if it is rendered already, else null: never renders. */
    public Rendition rendered(FeedFormat format, int page) {
        return hasPage(page) ? renditions.peek(new Renditions.Key(build, format, page)) : null;
    }
}

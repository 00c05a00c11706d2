package dev.newsdesk.feed.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.feed.render.FeedFormat;
import java.util.function.Supplier;

/**
 * The rendered documents of every feed, bounded by their bytes: a document is rendered the first
 * time it is asked for and kept while it is among the most used. Feeds are built from their items
 * at every poll that changes them, but rendering waits for a reader: a feed nobody reads in some
 * format, or past page 1, costs no rendering, no gzip and no memory, and the bytes held stay
 * under the bound however many categories and tags the archive grows. A document evicted is
 * rendered again from the items its feed holds; it never costs a call to article-service.
 */
public final class Renditions {

    /** One page of one build of one feed in one format; a rebuild has a new {@code build}. */
    record Key(long build, FeedFormat format, int page) {}

    private final Cache<Key, Rendition> cache;

    /** Holds at most {@code maxBytes} of documents (identity and gzip bytes together). */
    public Renditions(long maxBytes) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Rendition rendition) -> rendition.weight())
                // Evictions on the rendering thread, not a pool's: the bound holds when get returns.
                .executor(Runnable::run)
                .build();
    }

    /** The document if it is rendered already: what a request on the event loop may use. */
    Rendition peek(Key key) {
        return cache.getIfPresent(key);
    }

    /** The document, rendered now if it is not held; concurrent requests for it render it once. */
    Rendition get(Key key, Supplier<Rendition> render) {
        return cache.get(key, k -> render.get());
    }

    /** Runs pending maintenance (evictions) now. */
    void cleanUp() {
        cache.cleanUp();
    }

    /** The bytes held, identity and gzip together (for the metrics). */
    public long bytes() {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}

package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.model.FeedKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prebuilt feeds readers are served from, and how fresh they are. Written only by the
 * poller, read by every request: a map lookup, never a call to article-service.
 */
@ApplicationScoped
public class FeedStore {

    private final Map<FeedKey, BuiltFeed> feeds = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh;
    private volatile boolean stale;

    /** The feed as last built, or null when it is unknown (no such category or tag, or never built). */
    public BuiltFeed get(FeedKey key) {
        return feeds.get(key);
    }

    /** Whether any feed was ever built; without one, requests get 503. */
    public boolean hasFeeds() {
        return lastRefresh != null;
    }

    public void put(BuiltFeed feed) {
        feeds.put(feed.key(), feed);
    }

    /** Forgets the feed of a category or tag that no longer has articles. */
    public void remove(FeedKey key) {
        feeds.remove(key);
    }

    /** Forgets the feeds of categories and tags that no longer exist. */
    public void retainOnly(Set<FeedKey> keys) {
        feeds.keySet().retainAll(keys);
    }

    public Collection<BuiltFeed> all() {
        return feeds.values();
    }

    /** A poll saw article-service's current state: what is held is fresh. */
    public void refreshed(Instant at) {
        lastRefresh = at;
        stale = false;
    }

    /** A poll failed: what is held (if anything) is served as stale until a poll succeeds. */
    public void refreshFailed() {
        stale = true;
    }

    /** Whether the feeds held may be out of date because article-service could not be reached. */
    public boolean stale() {
        return stale;
    }

    /** How long since the feeds last matched article-service, in whole seconds (0 when never). */
    public long ageSeconds(Instant now) {
        Instant last = lastRefresh;
        return last == null ? 0 : Math.max(0, Duration.between(last, now).toSeconds());
    }
}

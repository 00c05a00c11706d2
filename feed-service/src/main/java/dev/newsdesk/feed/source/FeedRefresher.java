package dev.newsdesk.feed.source;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedBuilder;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Fingerprint;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import io.micrometer.core.instrument.Counter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Brings one feed in line with article-service: lists its newest articles (ids, versions and
 * {@code updatedAt}), fingerprints that list and, only when the fingerprint changed, rebuilds the
 * feed's pages from the articles' items (rendering waits for a reader: see {@code Renditions}). Items are held by article id and version, so a rebuild fetches
 * only the articles that are new or changed. Only the items some feed shows are held (see
 * {@link #retainShown}), so memory follows the number of feeds, not the size of the archive. Used
 * by the poller's one thread only; the articles a rebuild lacks are fetched side by side
 * ({@link #FETCHES_IN_FLIGHT} at a time), which is what a replica's first poll, with every item
 * missing, waits for before it is ready.
 */
final class FeedRefresher {

    private static final Logger LOG = Logger.getLogger(FeedRefresher.class);
    /** The listing API's largest page. */
    private static final int MAX_LIMIT = 100;
    /**
     * Article fetches in flight during one rebuild: a new replica's first poll fetches every item
     * of every feed, one round trip each, and one at a time that took 4.6 s for 200 articles.
     */
    static final int FETCHES_IN_FLIGHT = 8;

    private final ArticleSource source;
    private final FeedStore store;
    private final FeedBuilder builder;
    private final ItemMapping mapping;
    private final Counter rebuilds;
    private final int wanted;
    private final Map<Long, HeldItem> items = new HashMap<>();
    /** The article ids each feed lists now: what the held items are kept for. */
    private final Map<FeedKey, List<Long>> shown = new HashMap<>();
    /** The newest tombstone read from the change feed: part of every feed's Last-Modified. */
    private Instant lastDeletion;

    FeedRefresher(
            ArticleSource source,
            FeedStore store,
            FeedBuilder builder,
            ItemMapping mapping,
            Counter rebuilds,
            int wanted) {
        this.source = source;
        this.store = store;
        this.builder = builder;
        this.mapping = mapping;
        this.rebuilds = rebuilds;
        this.wanted = wanted;
    }

    FeedBuilder builder() {
        return builder;
    }

    /** The feed's newest articles, as many as its pages show. */
    List<ArticlePage.ArticleSummary> newest(FeedKey key) {
        List<ArticlePage.ArticleSummary> newest = new ArrayList<>(wanted);
        String cursor = null;
        do {
            ArticlePage page = source.newest(key, Math.min(MAX_LIMIT, wanted - newest.size()), cursor);
            newest.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && newest.size() < wanted);
        return newest.size() > wanted ? newest.subList(0, wanted) : newest;
    }

    /**
     * Rebuilds the feed if {@code newest} differs from what it was built from; adds to
     * {@code topics} the URL of each first page whose bytes changed (for the WebSub hub).
     */
    void refresh(FeedKey key, List<ArticlePage.ArticleSummary> newest, List<String> topics) {
        shown.put(key, newest.stream().map(ArticlePage.ArticleSummary::id).toList());
        String fingerprint = fingerprint(newest);
        BuiltFeed before = store.get(key);
        if (before != null && before.fingerprint().equals(fingerprint)) {
            return;
        }
        prefetch(newest);
        List<FeedItem> feedItems = new ArrayList<>(newest.size());
        for (ArticlePage.ArticleSummary summary : newest) {
            item(summary).ifPresent(feedItems::add);
        }
        BuiltFeed built = builder.build(key, fingerprint, feedItems, lastDeletion);
        store.put(built);
        rebuilds.increment();
        // The hub hears of a feed whose first page changed; the documents themselves are rendered
        // when a reader (or the hub, fetching the topic) first asks for them.
        if (before == null || !before.firstPage().equals(built.firstPage())) {
            for (FeedFormat format : FeedFormat.values()) {
                topics.add(builder.links().feedBaseUrl() + key.path() + "/" + format.file());
            }
        }
        LOG.debugf("Rebuilt %s: %d items", key, feedItems.size());
    }

    /** Remembers when the newest deletion happened, if {@code change} is a later one. */
    void noteDeletion(ChangePage.Change change) {
        if (change.deleted() && change.updatedAt() != null) {
            Instant at = OffsetDateTime.parse(change.updatedAt()).toInstant();
            if (lastDeletion == null || at.isAfter(lastDeletion)) {
                lastDeletion = at;
            }
        }
    }

    /**
     * Builds again, from the items they hold, the feeds built before the newest deletion was read:
     * their {@code Last-Modified} counts it, and every replica must answer the same one whichever
     * polls it saw (one that read a creation and its deletion in the same poll lists nothing new,
     * so rebuilds nothing). No call and no rendering: the documents are rendered when next read.
     */
    void countNewestDeletion() {
        for (BuiltFeed feed : store.all()) {
            List<Long> ids = shown.get(feed.key());
            if (ids == null || Objects.equals(feed.lastDeletion(), lastDeletion)) {
                continue;
            }
            List<FeedItem> feedItems = ids.stream()
                    .map(items::get)
                    .filter(Objects::nonNull)
                    .map(HeldItem::item)
                    .toList();
            store.put(builder.build(feed.key(), feed.fingerprint(), feedItems, lastDeletion));
        }
    }

    /** The item held for an article, if any, after it is no longer held. */
    Optional<FeedItem> forget(long articleId) {
        return Optional.ofNullable(items.remove(articleId)).map(HeldItem::item);
    }

    /** The item held for an article listed just now, if any. */
    Optional<FeedItem> held(long articleId) {
        return Optional.ofNullable(items.get(articleId)).map(HeldItem::item);
    }

    /** Fetches an article's current version and holds its item. */
    Optional<FeedItem> fetch(long articleId) {
        return source.article(articleId).map(this::hold);
    }

    /** A feed no longer exists: its articles need not be held for it. */
    void dropped(FeedKey key) {
        shown.remove(key);
    }

    /** Keeps only these feeds' lists (after a rebuild of every feed). */
    void retainFeeds(Collection<FeedKey> keys) {
        shown.keySet().retainAll(keys);
    }

    /**
     * Drops the items of articles that no feed lists: every change fetches the changed article,
     * and without this each one would stay held for good. An article no feed shows is fetched
     * again if a later change puts it in one; its earlier feeds need no item, as it was in none.
     */
    void retainShown() {
        Set<Long> listed = new HashSet<>();
        shown.values().forEach(listed::addAll);
        items.keySet().retainAll(listed);
    }

    /** How many articles' items are held (for tests: bounded by feeds times their length). */
    int heldCount() {
        return items.size();
    }

    /** The item of a listed article: from those held when its version is, else fetched once. */
    private Optional<FeedItem> item(ArticlePage.ArticleSummary summary) {
        HeldItem held = items.get(summary.id());
        if (held != null && held.matches(summary)) {
            return Optional.of(held.item());
        }
        return fetch(summary.id());
    }

    /**
     * Fetches, {@link #FETCHES_IN_FLIGHT} at a time on virtual threads, the listed articles whose
     * item is not held at the listed version; the items are held here, on the poller's thread. One
     * that changed again since the listing is fetched once more by {@link #item}.
     */
    private void prefetch(List<ArticlePage.ArticleSummary> newest) {
        List<Long> missing = newest.stream()
                .filter(s -> items.get(s.id()) == null || !items.get(s.id()).matches(s))
                .map(ArticlePage.ArticleSummary::id)
                .distinct()
                .toList();
        if (missing.size() < 2) {
            return;
        }
        Semaphore inFlight = new Semaphore(FETCHES_IN_FLIGHT);
        List<Future<Optional<Article>>> fetched = new ArrayList<>(missing.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long id : missing) {
                fetched.add(threads.submit(() -> {
                    inFlight.acquire();
                    try {
                        return source.article(id);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<Optional<Article>> article : fetched) {
                article.get().ifPresent(this::hold);
            }
        } catch (ExecutionException e) {
            // The poll's own failure handling (stale feeds, the failure counted) sees the cause.
            throw e.getCause() instanceof RuntimeException cause
                    ? cause
                    : new IllegalStateException("fetching articles failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching articles", e);
        }
    }

    private FeedItem hold(Article article) {
        HeldItem held = new HeldItem(article.version(), article.updatedAt(), mapping.item(article));
        items.put(article.id(), held);
        return held.item();
    }

    static String fingerprint(List<ArticlePage.ArticleSummary> newest) {
        return Fingerprint.of(newest.stream().map(s -> s.id() + ":" + s.version() + ":" + s.updatedAt()));
    }

    /** A mapped article and the version it was mapped from. */
    private record HeldItem(Long version, String updatedAt, FeedItem item) {

        boolean matches(ArticlePage.ArticleSummary summary) {
            return Objects.equals(version, summary.version()) && Objects.equals(updatedAt, summary.updatedAt());
        }
    }
}

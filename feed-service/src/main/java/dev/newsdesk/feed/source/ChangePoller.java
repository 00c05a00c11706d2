package dev.newsdesk.feed.source;

import dev.newsdesk.feed.cache.FeedBuilder;
import dev.newsdesk.feed.cache.FeedLinks;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Renditions;
import dev.newsdesk.feed.config.FeedConfig;
import dev.newsdesk.feed.config.FeedSettings;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.websub.HubNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Learns of article changes by polling and rebuilds only the feeds that changed.
 *
 * <p>It follows article-service's change feed ({@code GET /api/changes}). A poll with
 * nothing new is one small request, whatever the number of categories and tags. A change names an
 * article: its full version is fetched once, and only the feeds it touches — home, each category
 * and tag it had or has — are listed again (ids, versions and {@code updatedAt}), fingerprinted and,
 * when that changed, rebuilt; so a new category's feed exists in the same poll as the home feed
 * showing its first article. A feed left without articles is dropped (404). The first poll, and the
 * one after article-service says the cursor expired (410), build every feed from the listings.
 *
 * <p>A failed poll keeps every feed already built (served as stale). Until the first feed exists
 * the poller retries four times a second and resets the breakers first: there is no stale feed to fall
 * back on, so coming up quickly after article-service matters more than sparing it a call a second.
 */
@ApplicationScoped
public class ChangePoller {

    private static final Logger LOG = Logger.getLogger(ChangePoller.class);
    /** Changes per request: a burst of imports is read in a few requests, an idle poll in one. */
    private static final int CHANGES_PAGE = 500;

    private static final Duration FIRST_FEED_RETRY = Duration.ofMillis(250);

    private final ArticleSource source;
    private final FeedStore store;
    private final HubNotifier hub;
    private final CircuitBreakerMaintenance breakers;
    private final Duration interval;
    private final FeedRefresher feeds;
    private final PollMetrics metrics;
    private String changeCursor;
    private volatile Instant lastAttempt;
    private volatile boolean stopping;

    ChangePoller(
            ArticleSource source,
            FeedStore store,
            HubNotifier hub,
            CircuitBreakerMaintenance breakers,
            FeedConfig config,
            FeedSettings settings,
            MeterRegistry registry) {
        this.source = source;
        this.store = store;
        this.hub = hub;
        this.breakers = breakers;
        this.interval = settings.pollInterval();
        String feedBase = config.feedBaseUrl().orElse(config.publicBaseUrl());
        FeedBuilder builder = new FeedBuilder(
                new FeedLinks(
                        feedBase,
                        config.publicBaseUrl(),
                        settings.hubUrl().filter(h -> !h.isBlank()).orElse(null),
                        settings.title()),
                settings.pageSize(),
                settings.pages(),
                new Renditions(settings.documentCache().asLongValue()));
        this.metrics = PollMetrics.register(registry, store, builder.renditions());
        ItemMapping mapping =
                new ItemMapping(config.publicBaseUrl(), config.imageBaseUrl().orElse(config.publicBaseUrl()));
        int wanted = Math.max(1, settings.pageSize()) * Math.max(1, settings.pages());
        this.feeds = new FeedRefresher(source, store, builder, mapping, metrics.rebuilds(), wanted);
    }

    /**
     * The first poll starts as soon as the application has started, not at the scheduler's first
     * tick (up to a second later): a replica is not ready before it has feeds. Not when the
     * scheduler is off, as in tests, which drive {@link #poll} themselves.
     */
    void started(
            @Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.scheduler.enabled", defaultValue = "true") boolean scheduled) {
        if (scheduled) {
            Thread.ofVirtual().name("first-feeds").start(() -> {
                try {
                    tick();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    /** A tick during shutdown would poll with half the application stopped; feeds are going away anyway. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() throws InterruptedException {
        if (stopping) {
            return;
        }
        if (store.hasFeeds()) {
            if (lastAttempt == null
                    || Duration.between(lastAttempt, Instant.now()).compareTo(interval) >= 0) {
                poll();
            }
            return;
        }
        // Nothing to serve yet: try four times a second, so feeds exist moments after article-service does.
        for (int attempt = 0; attempt < 4 && !store.hasFeeds() && !stopping; attempt++) {
            breakers.resetAll();
            if (!poll()) {
                Thread.sleep(FIRST_FEED_RETRY.toMillis());
            }
        }
    }

    /**
     * One poll; returns whether article-service answered all of it. Never throws for a failing
     * article-service: that is the case the stale feeds exist for, so it is logged and remembered.
     */
    public synchronized boolean poll() {
        lastAttempt = Instant.now();
        try {
            List<String> topics = new ArrayList<>();
            if (changeCursor == null) {
                rebuildAll(topics);
            } else {
                try {
                    applyChanges(topics);
                } catch (ChangesExpired e) {
                    LOG.info("The change cursor expired; rebuilding every feed from the listings");
                    changeCursor = null;
                    rebuildAll(topics);
                }
            }
            store.refreshed(Instant.now());
            metrics.pollsOk().increment();
            hub.published(topics);
            return true;
        } catch (RuntimeException e) {
            // Deliberately broad: whatever article-service does (refuses, times out, answers 5xx or
            // garbage, breaker open), readers keep the last good feeds, marked stale.
            store.refreshFailed();
            metrics.pollsFailed().increment();
            LOG.warnf("Feeds not refreshed, serving the last good ones: %s", e.toString());
            return false;
        }
    }

    /**
     * The first poll (and the one after an expired cursor): every feed from the listings. The change
     * cursor is taken first, so a write committed during the listing is seen again by the next poll;
     * the categories and tags of every article listed get their feeds now, not one poll later.
     */
    private void rebuildAll(List<String> topics) {
        String cursor = null;
        ChangePage page;
        do {
            page = source.changes(cursor, CHANGES_PAGE);
            page.items().forEach(feeds::noteDeletion);
            cursor = page.nextCursor();
        } while (page.items().size() == CHANGES_PAGE);
        Set<FeedKey> keys = new LinkedHashSet<>();
        keys.add(FeedKey.HOME);
        List<NameCount> categories = source.categories();
        learnSectionNames(categories);
        categories.stream().filter(c -> c.count() > 0).forEach(c -> keys.add(FeedKey.category(c.name())));
        source.tags().stream().filter(t -> t.count() > 0).forEach(t -> keys.add(FeedKey.tag(t.name())));
        Set<FeedKey> built = new HashSet<>();
        List<FeedKey> pending = new ArrayList<>(keys);
        while (!pending.isEmpty()) {
            FeedKey key = pending.removeFirst();
            if (!built.add(key)) {
                continue;
            }
            List<ArticlePage.ArticleSummary> newest = feeds.newest(key);
            feeds.refresh(key, newest, topics);
            newest.forEach(s -> feeds.held(s.id()).ifPresent(item -> pending.addAll(keysOf(item))));
        }
        store.retainOnly(built);
        feeds.retainFeeds(built);
        feeds.retainShown();
        feeds.countNewestDeletion();
        changeCursor = cursor;
    }

    /**
     * Every later poll: the changes since the cursor — one small request when there are none,
     * whatever the number of categories and tags — and then only the feeds they touch: home, and
     * each category and tag the changed article had or has. A feed left empty is dropped (404).
     */
    private void applyChanges(List<String> topics) {
        Set<FeedKey> affected = new LinkedHashSet<>();
        String cursor = changeCursor;
        ChangePage page;
        do {
            page = source.changes(cursor, CHANGES_PAGE);
            for (ChangePage.Change change : page.items()) {
                feeds.noteDeletion(change);
                affected.add(FeedKey.HOME);
                feeds.forget(change.id()).ifPresent(before -> affected.addAll(keysOf(before)));
                if (!change.deleted()) {
                    feeds.fetch(change.id()).ifPresent(now -> affected.addAll(keysOf(now)));
                }
            }
            cursor = page.nextCursor();
        } while (page.items().size() == CHANGES_PAGE);
        Map<String, String> names = feeds.builder().links().categoryNames();
        if (affected.stream().anyMatch(k -> k.kind() == FeedKey.Kind.CATEGORY && !names.containsKey(k.name()))) {
            // A section seen for the first time: one more request for the name readers see, in
            // this same poll, so its feed is never titled by the slug. Idle polls never get here.
            learnSectionNames(source.categories());
        }
        for (FeedKey key : affected) {
            List<ArticlePage.ArticleSummary> newest = feeds.newest(key);
            if (newest.isEmpty() && !key.equals(FeedKey.HOME)) {
                store.remove(key);
                feeds.dropped(key);
            } else {
                feeds.refresh(key, newest, topics);
            }
        }
        feeds.retainShown();
        feeds.countNewestDeletion();
        changeCursor = cursor;
    }

    private void learnSectionNames(List<NameCount> categories) {
        categories.forEach(c -> feeds.builder().links().categoryNames().put(c.name(), c.shownName()));
    }

    /** How many articles' feed items are held now. */
    int heldItems() {
        return feeds.heldCount();
    }

    private static List<FeedKey> keysOf(FeedItem item) {
        List<FeedKey> keys = new ArrayList<>();
        item.categories().forEach(c -> keys.add(FeedKey.category(c)));
        item.tags().forEach(t -> keys.add(FeedKey.tag(t)));
        return keys;
    }
}

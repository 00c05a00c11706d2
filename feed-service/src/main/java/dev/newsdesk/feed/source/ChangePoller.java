package dev.newsdesk.feed.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedBuilder;
import dev.newsdesk.feed.cache.FeedLinks;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Rendition;
import dev.newsdesk.feed.config.FeedConfig;
import dev.newsdesk.feed.config.FeedSettings;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.websub.HubNotifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Learns of article changes by polling and rebuilds only the feeds that changed.
 *
 * <p>Each poll reads the category and tag lists, then for every feed (home, each category, each
 * tag) the newest page(s) of article-service's list — ids, versions and {@code updatedAt} only —
 * and fingerprints them. A feed whose fingerprint is unchanged costs nothing more. For a changed
 * one, the bodies not yet held (cached by id and version) are fetched and all its documents are
 * rebuilt. A new or edited article changes a version or an id; a deleted one disappears from the
 * list; both show within one poll interval.
 *
 * <p>A failed poll keeps every feed already built (served as stale). Until the first feed exists
 * the poller retries four times a second and resets the breakers first: there is no stale feed to fall
 * back on, so coming up quickly after article-service matters more than sparing it a call a second.
 */
@ApplicationScoped
public class ChangePoller {

    private static final Logger LOG = Logger.getLogger(ChangePoller.class);
    private static final int MAX_LIMIT = 100;
    private static final Duration FIRST_FEED_RETRY = Duration.ofMillis(250);

    private final ArticleSource source;
    private final FeedStore store;
    private final HubNotifier hub;
    private final CircuitBreakerMaintenance breakers;
    private final Duration interval;
    private final int wanted;
    private final FeedBuilder builder;
    private final ItemMapping mapping;
    private final Map<Long, HeldItem> items = new HashMap<>();
    private final Counter pollsOk;
    private final Counter pollsFailed;
    private final Counter rebuilds;
    private volatile Instant lastAttempt;
    private volatile boolean stopping;

    ChangePoller(ArticleSource source, FeedStore store, HubNotifier hub, CircuitBreakerMaintenance breakers, FeedConfig config,
            FeedSettings settings, MeterRegistry metrics) {
        this.source = source;
        this.store = store;
        this.hub = hub;
        this.breakers = breakers;
        this.interval = settings.pollInterval();
        this.wanted = Math.max(1, settings.pageSize()) * Math.max(1, settings.pages());
        String feedBase = config.feedBaseUrl().orElse(config.publicBaseUrl());
        this.builder = new FeedBuilder(new FeedLinks(feedBase, config.publicBaseUrl(), settings.hubUrl().filter(h -> !h.isBlank())
                .orElse(null), settings.title()), settings.pageSize(), settings.pages());
        this.mapping = new ItemMapping(config.publicBaseUrl(), config.imageBaseUrl().orElse(config.publicBaseUrl()));
        this.pollsOk = Counter.builder("newsdesk.feed.polls").tag("outcome", "ok")
                .description("Polls of article-service that saw its current state").register(metrics);
        this.pollsFailed = Counter.builder("newsdesk.feed.polls").tag("outcome", "failed")
                .description("Polls that failed; the feeds held are served as stale").register(metrics);
        this.rebuilds = Counter.builder("newsdesk.feed.rebuilds").description("Feeds rebuilt because their articles changed")
                .register(metrics);
        Gauge.builder("newsdesk.feed.stale", store, s -> s.stale() ? 1 : 0)
                .description("1 while the feeds served may be out of date").register(metrics);
        Gauge.builder("newsdesk.feed.age.seconds", store, s -> s.ageSeconds(Instant.now()))
                .description("Seconds since the feeds last matched article-service").register(metrics);
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
            if (lastAttempt == null || Duration.between(lastAttempt, Instant.now()).compareTo(interval) >= 0) {
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
            Set<FeedKey> keys = new LinkedHashSet<>();
            keys.add(FeedKey.HOME);
            source.categories().stream().filter(c -> c.count() > 0).forEach(c -> keys.add(FeedKey.category(c.name())));
            source.tags().stream().filter(t -> t.count() > 0).forEach(t -> keys.add(FeedKey.tag(t.name())));
            Set<Long> listed = new HashSet<>();
            List<String> topics = new ArrayList<>();
            for (FeedKey key : keys) {
                List<ArticlePage.ArticleSummary> newest = newest(key);
                newest.forEach(s -> listed.add(s.id()));
                refresh(key, newest, topics);
            }
            store.retainOnly(keys);
            items.keySet().retainAll(listed);
            store.refreshed(Instant.now());
            pollsOk.increment();
            hub.published(topics);
            return true;
        } catch (RuntimeException e) {
            // Deliberately broad: whatever article-service does (refuses, times out, answers 5xx or
            // garbage, breaker open), readers keep the last good feeds, marked stale.
            store.refreshFailed();
            pollsFailed.increment();
            LOG.warnf("Feeds not refreshed, serving the last good ones: %s", e.toString());
            return false;
        }
    }

    private List<ArticlePage.ArticleSummary> newest(FeedKey key) {
        List<ArticlePage.ArticleSummary> newest = new ArrayList<>(wanted);
        String cursor = null;
        do {
            ArticlePage page = source.newest(key, Math.min(MAX_LIMIT, wanted - newest.size()), cursor);
            newest.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && newest.size() < wanted);
        return newest.size() > wanted ? newest.subList(0, wanted) : newest;
    }

    private void refresh(FeedKey key, List<ArticlePage.ArticleSummary> newest, List<String> topics) {
        String fingerprint = fingerprint(newest);
        BuiltFeed before = store.get(key);
        if (before != null && before.fingerprint().equals(fingerprint)) {
            return;
        }
        List<FeedItem> feedItems = new ArrayList<>(newest.size());
        for (ArticlePage.ArticleSummary summary : newest) {
            item(summary).ifPresent(feedItems::add);
        }
        BuiltFeed built = builder.build(key, fingerprint, feedItems, before, Instant.now());
        store.put(built);
        rebuilds.increment();
        for (FeedFormat format : FeedFormat.values()) {
            Rendition now = built.page(format, 1);
            Rendition was = before == null ? null : before.page(format, 1);
            if (was == null || !was.etag().equals(now.etag())) {
                topics.add(builder.links().feedBaseUrl() + key.path() + "/" + format.file());
            }
        }
        LOG.debugf("Rebuilt %s: %d items", key, feedItems.size());
    }

    /** The item of a listed article: from the cache when its version is held, else fetched once. */
    private Optional<FeedItem> item(ArticlePage.ArticleSummary summary) {
        HeldItem held = items.get(summary.id());
        if (held != null && held.matches(summary)) {
            return Optional.of(held.item());
        }
        Optional<Article> article = source.article(summary.id());
        article.ifPresent(a -> items.put(a.id(), new HeldItem(a.version(), a.updatedAt(), mapping.item(a))));
        return article.map(a -> items.get(a.id()).item());
    }

    static String fingerprint(List<ArticlePage.ArticleSummary> newest) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ArticlePage.ArticleSummary s : newest) {
                digest.update((s.id() + ":" + s.version() + ":" + s.updatedAt() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A mapped article and the version it was mapped from. */
    private record HeldItem(Long version, String updatedAt, FeedItem item) {

        boolean matches(ArticlePage.ArticleSummary summary) {
            return Objects.equals(version, summary.version()) && Objects.equals(updatedAt, summary.updatedAt());
        }
    }
}

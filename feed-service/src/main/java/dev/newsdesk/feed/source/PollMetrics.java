package dev.newsdesk.feed.source;

import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Renditions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * What the poller reports to Prometheus: polls by outcome, rebuilds, whether and how long feeds are
 * stale, and the bytes of rendered documents held.
 */
record PollMetrics(Counter pollsOk, Counter pollsFailed, Counter rebuilds) {

    static PollMetrics register(MeterRegistry metrics, FeedStore store, Renditions renditions) {
        PollMetrics counters = new PollMetrics(
                Counter.builder("newsdesk.feed.polls")
                        .tag("outcome", "ok")
                        .description("Polls of article-service that saw its current state")
                        .register(metrics),
                Counter.builder("newsdesk.feed.polls")
                        .tag("outcome", "failed")
                        .description("Polls that failed; the feeds held are served as stale")
                        .register(metrics),
                Counter.builder("newsdesk.feed.rebuilds")
                        .description("Feeds rebuilt because their articles changed")
                        .register(metrics));
        Gauge.builder("newsdesk.feed.stale", store, s -> s.stale() ? 1 : 0)
                .description("1 while the feeds served may be out of date")
                .register(metrics);
        Gauge.builder("newsdesk.feed.documents.bytes", renditions, Renditions::bytes)
                .description("Bytes of rendered feed documents held, identity and gzip together")
                .baseUnit("bytes")
                .register(metrics);
        // Before the first successful poll the age counts from start-up: a replica that never
        // reached article-service is the stalest of all, not a fresh one.
        Instant started = Instant.now();
        Gauge.builder(
                        "newsdesk.feed.age.seconds",
                        store,
                        s -> s.hasFeeds()
                                ? s.ageSeconds(Instant.now())
                                : Duration.between(started, Instant.now()).toSeconds())
                .description("Seconds since the feeds last matched article-service (or since start-up, before that)")
                .register(metrics);
        return counters;
    }
}

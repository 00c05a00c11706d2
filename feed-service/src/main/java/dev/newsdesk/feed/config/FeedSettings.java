package dev.newsdesk.feed.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How feeds are built and refreshed (environment variables {@code NEWSDESK_FEEDS_*}). The
 * prefix is {@code newsdesk.feeds}, not {@code newsdesk.feed}, so that none of these names can be
 * confused with the contract's {@code NEWSDESK_FEED_BASE_URL}.
 */
@ConfigMapping(prefix = "newsdesk.feeds")
public interface FeedSettings {

    /**
     * {@code NEWSDESK_FEEDS_POLL_INTERVAL}: how often article-service's lists are checked for changes.
     * 10 s keeps a change's way into the feeds (one interval plus a rebuild) far inside the promised 60 s.
     */
    @WithDefault("10s")
    Duration pollInterval();

    /** {@code NEWSDESK_FEEDS_PAGE_SIZE}: items per feed document (the first page is the feed). */
    @WithDefault("50")
    int pageSize();

    /**
     * {@code NEWSDESK_FEEDS_PAGES}: pages kept per feed for RFC 5005 paging, page 1 included.
     * Pages are built by the poller like the first one, so a reader asking for page 2 costs no call
     * either; older items than that are not offered (the last kept page has no {@code next} link).
     */
    @WithDefault("2")
    int pages();

    /**
     * {@code NEWSDESK_FEEDS_DOCUMENT_CACHE}: the rendered documents kept, identity and gzip bytes
     * together. A document is rendered when a reader first asks for it and kept while it is among
     * the most read; one evicted is rendered again from the items held, with no call to
     * article-service. 32 MB holds about 150 documents of 50 full articles with their gzip copies.
     */
    @WithDefault("32M")
    MemorySize documentCache();

    /** {@code NEWSDESK_FEEDS_HUB_URL}: a WebSub hub to advertise and ping on changes; unset: none. */
    Optional<String> hubUrl();

    /** {@code NEWSDESK_FEEDS_TITLE}: the feeds' title; category and tag feeds add their name. */
    @WithDefault("newsdesk")
    String title();
}

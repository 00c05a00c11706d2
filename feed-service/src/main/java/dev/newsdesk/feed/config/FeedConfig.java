package dev.newsdesk.feed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The feed-service's contract settings (environment variables {@code NEWSDESK_*}). */
@ConfigMapping(prefix = "newsdesk")
public interface FeedConfig {

    /** {@code NEWSDESK_PUBLIC_BASE_URL}: the base of item links ({@code /articles/{slug}}). */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** {@code NEWSDESK_IMAGE_BASE_URL}: where {@code /img/**} is reachable; the public base when unset. */
    Optional<String> imageBaseUrl();

    /**
     * {@code NEWSDESK_FEED_BASE_URL}: where {@code /feeds/**} is reachable (self and next links);
     * the public base when unset. Only differs on a developer's machine, where each service has its port.
     */
    Optional<String> feedBaseUrl();

    /** {@code NEWSDESK_ARTICLE_SERVICE_URL}: where articles come from. */
    @WithDefault("http://localhost:8081")
    String articleServiceUrl();
}

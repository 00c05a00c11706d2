package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The placeholder filler: where article-service reaches image-service, how many measurements run
 * at once, how often it looks for work and how long it waits after a failure.
 */
@ConfigMapping(prefix = "newsdesk")
public interface PlaceholderConfig {

    /**
     * {@code NEWSDESK_IMAGE_SERVICE_URL}: image-service as this service calls it (inside a cluster,
     * its Service); unset, {@code NEWSDESK_IMAGE_BASE_URL}, then the public base. Read by the REST
     * client through {@code quarkus.rest-client.image-service.url}; named here to be documented.
     */
    Optional<String> imageServiceUrl();

    /**
     * {@code NEWSDESK_PLACEHOLDER_POLL}: how often the filler looks for pending articles; {@code off}
     * stops it (the tests drive it themselves). Read by the scheduler's {@code every} expression.
     */
    @WithDefault("1s")
    String placeholderPoll();

    /** {@code NEWSDESK_PLACEHOLDER_CONCURRENCY}: measurements in flight at once, over all articles. */
    @WithDefault("4")
    int placeholderConcurrency();

    /** {@code NEWSDESK_PLACEHOLDER_RETRY_FIRST}: the wait after a first failure; it doubles per failure. */
    @WithDefault("2s")
    Duration placeholderRetryFirst();

    /** {@code NEWSDESK_PLACEHOLDER_RETRY_LONGEST}: the longest wait between attempts. */
    @WithDefault("5m")
    Duration placeholderRetryLongest();
}

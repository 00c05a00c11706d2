package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook delivery ({@code /api/webhooks}). */
@ConfigMapping(prefix = "newsdesk.webhook")
public interface WebhookConfig {

    /**
     * {@code NEWSDESK_WEBHOOK_ALLOWED_TARGETS}: comma-separated URL prefixes a target may start with
     * even if it is not {@code https://} or resolves to a non-public address (a local receiver in
     * tests, {@code http://127.0.0.1:9500/}). Empty by default: only public HTTPS targets.
     */
    Optional<List<String>> allowedTargets();

    /**
     * {@code NEWSDESK_WEBHOOK_RETRY_DELAYS}: the delay before each retry of a failed delivery;
     * after the last one the delivery is given up. The default is the Standard Webhooks schedule
     * (about 33 hours over 8 attempts).
     */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retryDelays();

    /** {@code NEWSDESK_WEBHOOK_TIMEOUT}: how long one attempt may take, connection included. */
    @WithDefault("15s")
    Duration timeout();

    /**
     * {@code NEWSDESK_WEBHOOK_SECRET_OVERLAP}: after a secret rotation, how long deliveries carry a
     * signature with the old secret too, so a receiver can switch over without losing one.
     */
    @WithDefault("24h")
    Duration secretOverlap();
}

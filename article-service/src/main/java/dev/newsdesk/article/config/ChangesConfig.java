package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The change feed ({@code GET /api/changes}). */
@ConfigMapping(prefix = "newsdesk.changes")
public interface ChangesConfig {

    /**
     * {@code NEWSDESK_CHANGES_RETENTION}: how long a tombstone (and a change superseded by a later
     * one) stays in the feed; the contract promises at least 30 days. A cursor from before a
     * tombstone removed since gets 410.
     */
    @WithDefault("30d")
    Duration retention();
}

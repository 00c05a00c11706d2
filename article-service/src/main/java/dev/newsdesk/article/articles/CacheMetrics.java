package dev.newsdesk.article.articles;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** Binds the article caches to Prometheus at start-up, for the dashboard's hit ratios. */
@Startup
@ApplicationScoped
public class CacheMetrics {

    CacheMetrics(MeterRegistry metrics, ArticleCache cache) {
        cache.monitor(metrics);
    }
}

package dev.newsdesk.feed.source;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * article-service as feeds see it. Retries with backoff ride out a restart; the breaker stops
 * a down article-service from costing every refresh its full timeout.
 */
@ApplicationScoped
public class ArticleSource {

    private final ArticleApi api;

    ArticleSource(@RestClient ArticleApi api) {
        this.api = api;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public ArticlePage newest(int limit) {
        return api.list(limit);
    }
}

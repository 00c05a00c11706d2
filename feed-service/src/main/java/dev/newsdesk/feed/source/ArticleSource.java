package dev.newsdesk.feed.source;

import dev.newsdesk.feed.model.FeedKey;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * article-service as feeds see it. Only the poller calls it, never a reader's request. Retries
 * with exponential backoff ride out a restart; the breakers stop a down article-service from
 * costing every poll its full timeout, and spare it a storm of calls while it comes back.
 */
@ApplicationScoped
public class ArticleSource {

    private final ArticleApi api;

    ArticleSource(@RestClient ArticleApi api) {
        this.api = api;
    }

    /** One page of the newest articles of one feed. */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @ExponentialBackoff(factor = 3, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public ArticlePage newest(FeedKey feed, int limit, String cursor) {
        return api.list(feed.category(), feed.tag(), limit, cursor);
    }

    /**
     * The full article, or none when article-service says 404 (deleted between the list and this
     * call). A 404 is an answer, not a failure: it must not count towards opening the breaker.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @ExponentialBackoff(factor = 3, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public Optional<Article> article(long id) {
        try {
            return Optional.of(api.article(id));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The changes after {@code since}; a 410 (the cursor is older than article-service keeps
     * changes) becomes {@link ChangesExpired}, which neither retries nor counts towards the breaker.
     */
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = ChangesExpired.class)
    @ExponentialBackoff(factor = 3, maxDelay = 2000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.75,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = ChangesExpired.class)
    public ChangePage changes(String since, int limit) {
        try {
            return api.changes(since, limit);
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 410) {
                throw new ChangesExpired();
            }
            throw e;
        }
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @ExponentialBackoff(factor = 3, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<NameCount> categories() {
        return api.categories();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @ExponentialBackoff(factor = 3, maxDelay = 2000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public List<NameCount> tags() {
        return api.tags();
    }
}

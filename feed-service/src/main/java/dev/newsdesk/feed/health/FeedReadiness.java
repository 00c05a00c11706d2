package dev.newsdesk.feed.health;

import dev.newsdesk.feed.cache.FeedStore;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the service has feeds to serve, and from then on whatever article-service does.
 * Before its first successful poll a replica could only answer 503, so it stays out of the load
 * balancer: in a rolling update the old pods keep serving until the new one has built its feeds
 * (otherwise a fresh replica answers 503s the moment it is put back). After that, it
 * deliberately does not probe article-service: feeds are served from what was last fetched, so a
 * down article-service must not take every feed-service pod out of the load balancer with it.
 */
@Readiness
@ApplicationScoped
public class FeedReadiness implements HealthCheck {

    private final FeedStore store;

    FeedReadiness(FeedStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("feeds")
                .status(store.hasFeeds())
                .withData("built", store.hasFeeds())
                .build();
    }
}

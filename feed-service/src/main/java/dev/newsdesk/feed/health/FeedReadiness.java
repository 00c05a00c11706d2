package dev.newsdesk.feed.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready whenever the service can answer feed requests. It deliberately does not probe
 * article-service: feeds are served from what was last fetched, so a down article-service
 * must not take every feed-service pod out of the load balancer with it.
 */
@Readiness
@ApplicationScoped
public class FeedReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("feeds");
    }
}

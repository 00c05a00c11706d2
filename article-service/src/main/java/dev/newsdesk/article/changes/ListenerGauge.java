package dev.newsdesk.article.changes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Exports whether the change listener holds its LISTEN session: while it does not, this
 * replica's caches only converge by their TTLs, which an operator must hear about.
 */
@Startup
@ApplicationScoped
public class ListenerGauge {

    ListenerGauge(MeterRegistry metrics, ChangeListener listener) {
        Gauge.builder("newsdesk.article.change.listener.connected", listener, l -> l.listening() ? 1 : 0)
                .strongReference(true)
                .description("1 while the article_change LISTEN session is open, 0 while it reconnects")
                .register(metrics);
    }
}

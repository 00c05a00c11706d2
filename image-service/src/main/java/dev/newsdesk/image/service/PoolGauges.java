package dev.newsdesk.image.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The work pools' depth for dashboards and alerts: a queue that stays full means readers are
 * about to get 503s, long before the rejection counter says so.
 */
final class PoolGauges {

    private PoolGauges() {}

    static void register(MeterRegistry metrics, String pool, BoundedPool target) {
        // Exported from start-up at 0, not from the first rejection: a dashboard's rate() of a
        // series that does not exist yet shows "no data" rather than "none rejected".
        metrics.counter("newsdesk.image.rejected");
        Gauge.builder("newsdesk.image.queue", target, BoundedPool::queued)
                .tag("pool", pool)
                .strongReference(true)
                .description("Tasks waiting for a thread of the pool")
                .register(metrics);
        Gauge.builder("newsdesk.image.busy", target, BoundedPool::busy)
                .tag("pool", pool)
                .strongReference(true)
                .description("Threads of the pool running a task")
                .register(metrics);
    }
}

package dev.newsdesk.http;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Gives the HTTP server timer a few fixed latency buckets ({@code http_server_requests_seconds_bucket}),
 * so Prometheus can compute the p99 of each route group across replicas. A handful of
 * boundaries, not Micrometer's full percentile histogram: every bucket is a series per route,
 * method and status.
 */
@Singleton
public class LatencyBuckets {

    static final String HTTP_SERVER = "http.server.requests";

    /** Boundaries in milliseconds, around the latency objectives (docs/deploy.md, "Alerts"). */
    static final long[] BOUNDARIES_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000};

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        double[] nanos = LongStream.of(BOUNDARIES_MS)
                .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                .toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(nanos)
                        .build()
                        .merge(config);
            }
        };
    }
}

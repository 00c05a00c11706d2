package dev.newsdesk.image.fetch;

import java.time.Duration;

/** Bounds on one origin fetch; every one of them keeps a slow or hostile origin cheap. */
public record FetchLimits(
        Duration connectTimeout, Duration readTimeout, Duration totalTimeout, long maxBytes, int maxRedirects) {

    public static FetchLimits defaults() {
        return new FetchLimits(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 20L << 20, 3);
    }
}

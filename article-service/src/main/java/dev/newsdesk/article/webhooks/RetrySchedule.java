package dev.newsdesk.article.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When a failed delivery is tried again: after the n-th failed attempt, the n-th delay of
 * {@code NEWSDESK_WEBHOOK_RETRY_DELAYS}; none left means the delivery is given up. A receiver's
 * {@code Retry-After} on 429 or 503 (RFC 9110 §10.2.3: seconds or an HTTP date) replaces that
 * delay, capped at {@link #MAX_RETRY_AFTER} so a receiver cannot park a delivery for ever.
 */
public final class RetrySchedule {

    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** The instant of the next attempt after {@code attemptsMade} attempts, or null when none is left. */
    public Instant next(int attemptsMade, Instant now, int status, String retryAfter) {
        if (attemptsMade > delays.size()) {
            return null;
        }
        Duration delay = delays.get(attemptsMade - 1);
        if (status == 429 || status == 503) {
            Duration asked = retryAfter(retryAfter, now);
            if (asked != null) {
                delay = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            }
        }
        return now.plus(delay);
    }

    /** A {@code Retry-After} value as a delay from {@code now}, or null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

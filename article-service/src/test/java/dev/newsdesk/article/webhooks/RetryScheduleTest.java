package dev.newsdesk.article.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)));

    @Test
    void followsTheDelaysThenGivesUp() {
        assertEquals(NOW.plusSeconds(5), schedule.next(1, NOW, 500, null));
        assertEquals(NOW.plusSeconds(300), schedule.next(2, NOW, 0, null));
        assertNull(schedule.next(3, NOW, 500, null));
    }

    @Test
    void honoursRetryAfterOn429And503Only() {
        assertEquals(NOW.plusSeconds(120), schedule.next(1, NOW, 429, "120"));
        assertEquals(NOW.plusSeconds(60), schedule.next(1, NOW, 503, "Thu, 01 Jan 2026 00:01:00 GMT"));
        assertEquals(NOW.plusSeconds(5), schedule.next(1, NOW, 500, "120"), "not on other statuses");
        assertEquals(NOW.plusSeconds(5), schedule.next(1, NOW, 429, "soon"), "unreadable: the schedule");
        assertEquals(NOW.plus(RetrySchedule.MAX_RETRY_AFTER), schedule.next(1, NOW, 429, "99999999"));
    }
}

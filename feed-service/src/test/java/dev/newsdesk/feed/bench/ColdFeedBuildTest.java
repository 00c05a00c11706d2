package dev.newsdesk.feed.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark harness working; the timing itself is bench/feed's business, not a test's. */
class ColdFeedBuildTest {

    @Test
    void theHarnessBuildsAFullFiftyItemFeed() {
        assertTrue(ColdFeedBuild.buildOnceNanos() > 0);
    }
}

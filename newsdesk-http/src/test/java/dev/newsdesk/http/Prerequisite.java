package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * A test's outside prerequisite (a tool, a library, a packaged artifact): missing on a
 * developer's machine the test is skipped with the reason; under {@code CI=true} it fails, so
 * CI can never pass by skipping what it was meant to prove (.ci/run installs what is needed).
 */
public final class Prerequisite {

    private Prerequisite() {}

    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + " (required under CI=true)");
        }
        Assumptions.abort(missing + ": skipped");
    }
}

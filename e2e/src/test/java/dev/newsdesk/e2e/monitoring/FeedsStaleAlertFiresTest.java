package dev.newsdesk.e2e.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsdesk.e2e.cluster.NewsdeskCluster;
import dev.newsdesk.e2e.cluster.Replica;
import dev.newsdesk.e2e.cluster.RunningCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production rules in a real Prometheus scraping the local cluster: with both
 * article-service replicas stopped, feed-service can no longer poll, its feed age grows past
 * the promised minute and NewsdeskFeedsStale fires. The rule copy shortens every {@code for:}
 * to 10 s; the expression and its threshold are production's. The replicas are started again
 * afterwards, so the cluster is whole for the tests after this one.
 */
@ExtendWith(RunningCluster.class)
class FeedsStaleAlertFiresTest {

    private static final String ALERT = "NewsdeskFeedsStale";

    @Test
    void feedsStaleFiresWhenArticleServiceIsGone() throws Exception {
        NewsdeskCluster cluster = RunningCluster.cluster();
        Path root = MonitoringManifests.root();
        Path dir = Files.createTempDirectory(
                Files.createDirectories(root.resolve("e2e/target/prometheus-run")), "prometheus-");
        Path rules = MonitoringManifests.writeRulesFile(dir.resolve("rules/newsdesk-rules.yaml"), "10s");
        Map<String, List<String>> targets = new LinkedHashMap<>();
        for (String service : NewsdeskCluster.SERVICES) {
            targets.put(
                    service,
                    cluster.replicas(service).stream()
                            .map(r -> "127.0.0.1:" + r.port())
                            .toList());
        }
        try (LocalPrometheus prometheus = LocalPrometheus.start(dir, rules, targets)) {
            // Healthy first: every replica scraped, feeds fresh, the alert silent.
            awaitTrue(
                    () -> prometheus.query("up == 1").size() == 6,
                    Duration.ofSeconds(60),
                    "Prometheus scrapes all six replicas");
            awaitTrue(
                    () -> prometheus.query("newsdesk_feed_age_seconds").size() == 2,
                    Duration.ofSeconds(30),
                    "both feed-service replicas export their feed age");
            assertEquals("inactive", prometheus.alertState(ALERT), "no alert while article-service runs");

            List<Replica> articles = cluster.replicas("article-service");
            long stopped = System.nanoTime();
            try {
                articles.forEach(Replica::stop);
                // Age > 60 s, then 10 s pending, at a 2 s scrape and evaluation interval.
                awaitTrue(
                        () -> prometheus.alertState(ALERT).equals("firing"), Duration.ofSeconds(150), ALERT + " fires");
                System.out.printf(
                        "%s fired %.1f s after both article-service replicas stopped%n",
                        ALERT, (System.nanoTime() - stopped) / 1e9);
                // The stopped replicas' own scrapes fail too: the replica-down alert is firing by now.
                assertEquals("firing", prometheus.alertState("NewsdeskReplicaDown"));
            } finally {
                articles.forEach(Replica::startAgain);
                for (Replica replica : articles) {
                    replica.awaitReady(Duration.ofSeconds(300));
                }
            }
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + timeout);
            }
            LocalPrometheus.pause();
        }
    }
}

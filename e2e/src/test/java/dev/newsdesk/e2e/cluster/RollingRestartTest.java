package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, "rolling restart with nothing lost", under steady traffic through nginx. Each replica
 * in turn as Kubernetes does it: out of the upstream first (readiness failing, the preStop delay),
 * SIGTERM (Quarkus finishes what it has, quarkus.shutdown.timeout), a new process, ready, back in:
 * not one request may fail. Then kill -9 of an article-service replica still in the upstream:
 * nginx retries idempotent requests on the other replica, so only a write in flight on it may fail.
 */
@ExtendWith(RunningCluster.class)
class RollingRestartTest {

    private static final Duration READY = Duration.ofSeconds(120);

    @Test
    void aRollingRestartOfEveryReplicaLosesNoRequest() throws Exception {
        NewsdeskCluster cluster = RunningCluster.cluster();
        try (Traffic traffic = traffic()) {
            for (Replica replica : cluster.all()) {
                // The reload returns once nginx's old workers have answered what they had in flight
                // (the preStop delay's part): nothing reaches the replica after this.
                cluster.inUpstream(replica, false);
                replica.stop();
                replica.startAgain();
                replica.awaitReady(READY);
                cluster.inUpstream(replica, true);
                awaitRequests(traffic, 50); // served with it back in before the next one goes
            }
            traffic.close();
            System.out.printf(
                    "rolling restart of %d replicas: %d requests sent, %d failed %s, %d reads sent again"
                            + " after the edge closed their connection unanswered %s%n",
                    cluster.all().size(),
                    traffic.sent(),
                    traffic.failures().size(),
                    traffic.failures(),
                    traffic.retried().size(),
                    traffic.retried());
            assertTrue(traffic.sent() > 100, "steady traffic: " + traffic.sent());
            assertEquals(List.of(), traffic.failures());
        }
    }

    @Test
    void aKilledReplicaLosesAtMostTheWritesInFlightOnIt() throws Exception {
        NewsdeskCluster cluster = RunningCluster.cluster();
        Replica victim = cluster.replicas("article-service").get(0);
        try (Traffic traffic = traffic()) {
            awaitRequests(traffic, 100);
            victim.kill();
            // Dead but still in the upstream until readiness would take it out: every request
            // tries it first and nginx must retry the reads on the other replica.
            awaitRequests(traffic, 200);
            cluster.inUpstream(victim, false);
            victim.startAgain();
            victim.awaitReady(READY);
            cluster.inUpstream(victim, true);
            awaitRequests(traffic, 50);
            traffic.close();
            List<Traffic.Failure> failures = traffic.failures();
            System.out.printf(
                    "kill -9 of %s: %d requests sent, %d failed %s, %d reads sent again %s%n",
                    victim.name(),
                    traffic.sent(),
                    failures.size(),
                    failures,
                    traffic.retried().size(),
                    traffic.retried());
            assertEquals(
                    List.of(),
                    failures.stream().filter(Traffic.Failure::idempotent).toList(),
                    "nginx retries reads on the other replica");
            assertTrue(failures.size() <= 1, "one editor: at most one write in flight on the killed replica");
        }
    }

    /**
     * Waits until the traffic has sent {@code more} requests past now: the cluster is seen serving
     * through the change, whatever the machine's speed, rather than for a guessed time.
     */
    private static void awaitRequests(Traffic traffic, int more) throws InterruptedException {
        int target = traffic.sent() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (traffic.sent() < target) {
            assertTrue(System.nanoTime() < deadline, "the traffic stalled at " + traffic.sent() + " requests");
            Thread.sleep(10);
        }
    }

    /** Four readers (article, listing, feed, cached image) and an editor writing twice a second. */
    private static Traffic traffic() {
        JsonNode article = Edge.importGallery("集群滚动重启：稳定流量", List.of("R1_w600h400.jpg"));
        String image = Edge.imageUrls(article)
                .get(0)
                .substring(RunningCluster.cluster().ingressUrl().length());
        assertEquals(200, Edge.get(image).statusCode(), "the image is cached before the traffic starts");
        List<String> reads = List.of(
                "/api/articles/" + article.get("id").asLong(),
                "/api/articles?limit=5",
                "/feeds/rss.xml",
                image,
                "/articles/" + article.get("slug").asText());
        AtomicInteger writes = new AtomicInteger();
        return new Traffic(reads, 4, () -> Edge.create("滚动重启写入 " + writes.incrementAndGet()), Duration.ofMillis(500));
    }
}

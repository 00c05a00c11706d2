package dev.newsdesk.e2e.webhooks;

import static dev.newsdesk.e2e.webhooks.WebhookCluster.JSON;
import static dev.newsdesk.e2e.webhooks.WebhookDeliveryTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.webhooks.WebhookReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries survive a crash: {@code kill -9} of article-service, or of PostgreSQL, while the
 * receiver holds a delivery open. The event is delivered again after the restart with the same
 * webhook-id (at least once), and an event committed just before the crash is not lost.
 */
class WebhookCrashTest {

    private WebhookReceiver receiver;
    private WebhookCluster cluster;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        cluster = new WebhookCluster(1, receiver.base());
    }

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
        receiver.close();
    }

    @Test
    void anEventInFlightWhenArticleServiceIsKilledIsDeliveredAfterTheRestart() throws Exception {
        String path = register();
        long inFlight = cluster.create(0, "投递途中被杀", "2024-06-01T10:00:00+08:00")
                .get("id")
                .asLong();
        await(Duration.ofSeconds(20), () -> arrivals(path, inFlight).size() == 1, "the delivery in flight");
        long committed = cluster.create(0, "杀前已提交", "2024-06-01T11:00:00+08:00")
                .get("id")
                .asLong();
        cluster.crashAndRestart(0);

        await(Duration.ofSeconds(90), () -> arrivals(path, inFlight).size() >= 2, "the redelivery after the restart");
        await(
                Duration.ofSeconds(60),
                () -> !arrivals(path, committed).isEmpty(),
                "the event committed before the kill");
        report("kill -9 article-service", path, inFlight, committed);
        assertSameIdAndVerified(arrivals(path, inFlight));
        assertSameIdAndVerified(arrivals(path, committed));
    }

    @Test
    void anEventInFlightWhenPostgresIsKilledIsDeliveredAfterTheRestart() throws Exception {
        String path = register();
        long inFlight = cluster.create(0, "数据库被杀", "2024-06-02T10:00:00+08:00")
                .get("id")
                .asLong();
        await(Duration.ofSeconds(20), () -> arrivals(path, inFlight).size() == 1, "the delivery in flight");
        long committed = cluster.create(0, "数据库被杀前已提交", "2024-06-02T11:00:00+08:00")
                .get("id")
                .asLong();
        new ProcessBuilder("kill", "-9", Long.toString(cluster.database.serverPid()))
                .inheritIO()
                .start()
                .waitFor();
        cluster.database = cluster.database.restart();

        await(Duration.ofSeconds(90), () -> delivered(path, inFlight), "the in-flight event recorded as delivered");
        await(Duration.ofSeconds(60), () -> delivered(path, committed), "the event committed before the kill");
        report("kill -9 PostgreSQL", path, inFlight, committed);
        assertSameIdAndVerified(arrivals(path, inFlight));
        assertSameIdAndVerified(arrivals(path, committed));
    }

    private String register() throws Exception {
        String path = "/slow/" + UUID.randomUUID();
        JsonNode created = cluster.register(0, receiver.base() + path.substring(1), "article.published");
        receiver.secret(path, created.get("secret").asText());
        return path + "#" + created.get("id").asLong();
    }

    private List<Received> arrivals(String endpoint, long articleId) {
        return receiver.at(endpoint.substring(0, endpoint.indexOf('#'))).stream()
                .filter(r -> r.json().path("data").path("id").asLong() == articleId)
                .toList();
    }

    /** The service's own delivery log says the event's last attempt succeeded. */
    private boolean delivered(String endpoint, long articleId) {
        try {
            JsonNode log = JSON.readTree(cluster.get(
                            0, "/api/webhooks/" + endpoint.substring(endpoint.indexOf('#') + 1) + "/deliveries", true)
                    .body());
            for (JsonNode item : log.path("items")) {
                if (item.get("articleId").asLong() == articleId
                        && item.get("state").asText().equals("delivered")) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false; // the service is still reconnecting
        }
    }

    private void report(String crash, String endpoint, long inFlight, long committed) {
        System.out.printf(
                "webhook crash test (%s): in-flight event arrived %d times, event committed before the crash %d times%n",
                crash,
                arrivals(endpoint, inFlight).size(),
                arrivals(endpoint, committed).size());
    }

    private static void assertSameIdAndVerified(List<Received> arrivals) {
        assertTrue(!arrivals.isEmpty());
        assertEquals(1, arrivals.stream().map(Received::webhookId).distinct().count(), "one webhook-id: " + arrivals);
        assertTrue(arrivals.stream().allMatch(Received::verified), "signatures verified by the reference library");
    }
}

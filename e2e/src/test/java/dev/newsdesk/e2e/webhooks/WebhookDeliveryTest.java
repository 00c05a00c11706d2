package dev.newsdesk.e2e.webhooks;

import static dev.newsdesk.e2e.webhooks.WebhookCluster.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.webhooks.WebhookReceiver.Received;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Webhooks from two article-service replicas on one database to a real local receiver, every
 * delivery's signature verified with the Standard Webhooks reference library: each event sent
 * once, retried until a flaky receiver takes it, a 410 disabling its endpoint, one article's
 * events in order, a scheduled article published on both replicas at its instant and announced
 * then, and the latency from a write to its delivery.
 */
class WebhookDeliveryTest {

    private static WebhookReceiver receiver;
    private static WebhookCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        cluster = new WebhookCluster(2, receiver.base());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private static String endpoint(String kind, String... events) throws Exception {
        String path = "/" + kind + "/" + UUID.randomUUID();
        JsonNode created = cluster.register(0, receiver.base() + path.substring(1), events);
        assertTrue(created.get("secret").asText().startsWith("whsec_"), created.toString());
        receiver.secret(path, created.get("secret").asText());
        return path + "#" + created.get("id").asLong();
    }

    private static String pathOf(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf('#'));
    }

    private static long idOf(String endpoint) {
        return Long.parseLong(endpoint.substring(endpoint.indexOf('#') + 1));
    }

    private static List<Received> eventsFor(String endpoint, long articleId) {
        return receiver.at(pathOf(endpoint)).stream()
                .filter(r -> r.json().path("data").path("id").asLong() == articleId)
                .toList();
    }

    @Test
    void eachEventArrivesOnceSignedAndInOrderFromTwoReplicas() throws Exception {
        String ok = endpoint("ok", "article.published", "article.updated", "article.deleted");
        JsonNode article = cluster.create(1, "两个副本推送一次", "2024-05-01T10:00:00+08:00");
        long id = article.get("id").asLong();
        String etag = "\"" + id + "-" + article.get("version").asLong() + "\"";
        for (int edit = 1; edit <= 3; edit++) {
            HttpResponse<String> answer = cluster.update(
                    edit % 2,
                    id,
                    etag,
                    JSON.createObjectNode()
                            .put("title", "两个副本推送一次 第" + edit + "版")
                            .put("bodyHtml", "<p>修改。</p>")
                            .put("publishedAt", "2024-05-01T10:00:00+08:00")
                            .toString());
            assertEquals(200, answer.statusCode(), answer.body());
            etag = answer.headers().firstValue("ETag").orElseThrow();
        }
        assertEquals(204, cluster.send(0, "DELETE", "/api/articles/" + id, null).statusCode());

        await(Duration.ofSeconds(20), () -> eventsFor(ok, id).size() >= 5, "five events for the article");
        Thread.sleep(3000); // time enough for a second replica's duplicate to show up, were there one
        List<Received> events = eventsFor(ok, id);
        assertEquals(
                List.of(
                        "article.published",
                        "article.updated",
                        "article.updated",
                        "article.updated",
                        "article.deleted"),
                events.stream().map(r -> r.json().get("type").asText()).toList(),
                "one article's events in commit order, each once");
        assertTrue(events.stream().allMatch(Received::verified), "every signature verified by the reference library");
        assertEquals(5, events.stream().map(Received::webhookId).distinct().count(), "a webhook-id per event");
        List<Long> versions = events.stream()
                .map(r -> r.json().get("data").get("version").asLong())
                .toList();
        assertEquals(versions.stream().sorted().toList(), versions, "versions never go back");
        JsonNode data = events.getFirst().json().get("data");
        assertEquals(article.get("slug").asText(), data.get("slug").asText());
        assertEquals(
                cluster.replica(0).baseUrl() + "/articles/"
                        + article.get("slug").asText(),
                data.get("url").asText());
    }

    @Test
    void aFailingReceiverGetsTheSameEventUntilItAcceptsIt() throws Exception {
        String flaky = endpoint("flaky", "article.published");
        long id = cluster.create(0, "失败两次再成功", "2024-05-02T10:00:00+08:00")
                .get("id")
                .asLong();
        await(Duration.ofSeconds(30), () -> eventsFor(flaky, id).size() >= 3, "three attempts");
        Thread.sleep(2500); // a fourth attempt would come a second after the third
        List<Received> attempts = eventsFor(flaky, id);
        assertEquals(3, attempts.size(), "two failures, then the success, and nothing after it");
        assertEquals(1, attempts.stream().map(Received::webhookId).distinct().count(), "one webhook-id throughout");
        assertEquals(1, attempts.stream().map(Received::body).distinct().count(), "the same body each time");
        assertTrue(attempts.stream().allMatch(Received::verified), "each attempt signed afresh, and verifiable");
        assertTrue(
                attempts.getLast().arrivedNanos() - attempts.getFirst().arrivedNanos()
                        >= Duration.ofMillis(1800).toNanos(),
                "the retries waited for NEWSDESK_WEBHOOK_RETRY_DELAYS (1s, 1s)");

        JsonNode log = JSON.readTree(cluster.get(1, "/api/webhooks/" + idOf(flaky) + "/deliveries", true)
                .body());
        List<JsonNode> items = new ArrayList<>();
        log.get("items").forEach(item -> {
            if (item.get("articleId").asLong() == id) {
                items.add(item);
            }
        });
        assertEquals(
                List.of("204", "500", "500"),
                items.stream().map(i -> i.get("statusCode").asText()).toList(),
                log.toString());
        assertEquals("delivered", items.get(0).get("state").asText());
        assertTrue(items.get(1).hasNonNull("nextRetryAt"), "a failed attempt names its retry");
    }

    @Test
    void aReceiverThatAnswers410IsDisabled() throws Exception {
        String gone = endpoint("gone", "article.published");
        long first = cluster.create(0, "对方已不存在", "2024-05-03T10:00:00+08:00")
                .get("id")
                .asLong();
        await(Duration.ofSeconds(20), () -> eventsFor(gone, first).size() >= 1, "the first delivery");
        await(
                Duration.ofSeconds(10),
                () -> !getJson(0, "/api/webhooks/" + idOf(gone)).get("enabled").asBoolean(),
                "enabled: false after the 410");
        long second =
                cluster.create(1, "不再发送", "2024-05-03T11:00:00+08:00").get("id").asLong();
        Thread.sleep(3000);
        assertEquals(1, eventsFor(gone, first).size(), "a 410 is not retried");
        assertEquals(0, eventsFor(gone, second).size(), "nothing is sent to a disabled endpoint");
    }

    @Test
    void aScheduledArticleIsPublicOnBothReplicasAndAnnouncedAtItsInstant() throws Exception {
        String ok = endpoint("ok", "article.published");
        OffsetDateTime at =
                OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
        JsonNode article = cluster.create(0, "定时发布", at.toString());
        assertEquals("scheduled", article.get("status").asText());
        String slug = article.get("slug").asText();
        long id = article.get("id").asLong();
        for (int replica = 0; replica < 2; replica++) {
            assertEquals(
                    404,
                    cluster.get(replica, "/api/articles/slug/" + slug, false).statusCode());
        }
        long deadline = at.toInstant().toEpochMilli() + 5000;
        for (int replica = 0; replica < 2; replica++) {
            int r = replica;
            await(
                    Duration.ofMillis(Math.max(0, deadline - System.currentTimeMillis())),
                    () -> statusOf(r, "/api/articles/slug/" + slug) == 200,
                    "public on replica " + replica + " within 5 s of publishedAt");
        }
        await(
                Duration.ofMillis(Math.max(0, deadline - System.currentTimeMillis())),
                () -> eventsFor(ok, id).size() == 1,
                "article.published delivered within 5 s of publishedAt");
        Received published = eventsFor(ok, id).getFirst();
        assertEquals("article.published", published.json().get("type").asText());
        assertTrue(published.verified());
        assertTrue(
                published.timestamp() >= at.toEpochSecond(),
                "announced at publication, not when it was written: " + published.timestamp());
        assertEquals(
                "published", getJson(1, "/api/articles/" + id).get("status").asText());
    }

    @Test
    void deliveryLatencyFromWriteToReceiver() throws Exception {
        String ok = endpoint("ok", "article.published");
        int events = 200;
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long sent = System.nanoTime();
            long id = cluster.create(i % 2, "延迟测量 " + i, "2024-05-04T10:00:00+08:00")
                    .get("id")
                    .asLong();
            await(Duration.ofSeconds(20), () -> eventsFor(ok, id).size() == 1, "event " + i);
            latencies.add(eventsFor(ok, id).getFirst().arrivedNanos() - sent);
        }
        latencies.sort(null);
        double median = latencies.get(events / 2) / 1e6;
        double p99 = latencies.get((int) Math.ceil(events * 0.99) - 1) / 1e6;
        System.out.printf(
                "webhook latency (create request sent -> receiver, %d events, two replicas): median %.1f ms, p99 %.1f ms%n",
                events, median, p99);
        assertFalse(latencies.isEmpty());
    }

    private static int statusOf(int replica, String path) {
        try {
            return cluster.get(replica, path, false).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode getJson(int replica, String path) {
        try {
            return JSON.readTree(cluster.get(replica, path, true).body());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

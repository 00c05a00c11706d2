package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.BoundedHttpClient;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, "same answers from every replica": a reader whose polls land on another replica
 * still gets its 304, because every replica derives ETag and Last-Modified from the content.
 * The hard case is a replica that started after a deletion: it never saw the deletion happen,
 * yet must give the same Last-Modified as one that did.
 */
@ExtendWith(RunningCluster.class)
class SameAnswersTest {

    private static final HttpClient HTTP = BoundedHttpClient.of(
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)),
            Duration.ofSeconds(20));
    private static final List<String> FEEDS = List.of(
            "/feeds/rss.xml",
            "/feeds/atom.xml",
            "/feeds/feed.json",
            "/feeds/categories/cluster/rss.xml",
            "/feeds/categories/cluster/feed.json");

    @Test
    void feedValidatorsAreTheSameOnEveryReplicaEvenOneStartedAfterADeletion() throws Exception {
        String kept = "副本一致：保留 " + UUID.randomUUID();
        String deleted = "副本一致：删除 " + UUID.randomUUID();
        assertEquals(201, Edge.send(Edge.create(kept)).statusCode());
        long gone = Edge.JSON
                .readTree(Edge.send(Edge.create(deleted)).body())
                .get("id")
                .asLong();
        HttpResponse<String> delete = Edge.send(HttpRequest.newBuilder(Edge.url("/api/articles/" + gone))
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .timeout(Duration.ofSeconds(30))
                .DELETE()
                .build());
        assertEquals(204, delete.statusCode(), delete.body());

        NewsdeskCluster cluster = RunningCluster.cluster();
        List<Replica> feeds = cluster.replicas("feed-service");
        Predicate<String> current = body -> body.contains(kept) && !body.contains(deleted);
        List<String> before = agreed(feeds.get(0), feeds.get(1), current, "two running replicas");

        // The second replica starts again, as a new pod would: it learns of the articles from
        // scratch and has never seen the deletion happen.
        Replica fresh = feeds.get(1);
        cluster.inUpstream(fresh, false);
        try {
            fresh.stop();
            fresh.startAgain();
            fresh.awaitReady(Duration.ofSeconds(120));
        } finally {
            cluster.inUpstream(fresh, true);
        }
        assertEquals(
                before,
                agreed(feeds.get(0), fresh, current, "a replica started after the deletion"),
                "and the first one, unchanged");
    }

    @Test
    void articleAndPageValidatorsAreTheSameOnEveryReplica() throws Exception {
        JsonNode article = Edge.JSON.readTree(
                Edge.send(Edge.create("副本一致：文章 " + UUID.randomUUID())).body());
        List<Replica> replicas = RunningCluster.cluster().replicas("article-service");
        for (String path : List.of(
                "/api/articles/" + article.get("id").asLong(),
                "/articles/" + article.get("slug").asText(),
                "/api/articles?limit=20")) {
            // The write reached the other replica by NOTIFY: until then (well under the second the
            // cluster promises) its related articles and listings may be the ones from before.
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            List<String> seen = etags(replicas, path);
            while (!seen.get(0).equals(seen.get(1)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                seen = etags(replicas, path);
            }
            assertEquals(
                    seen.get(0),
                    seen.get(1),
                    path + " on both article-service replicas: " + firstDifference(replicas, path));
        }
    }

    /** Where the two replicas' answers part, for the failure message. */
    private static String firstDifference(List<Replica> replicas, String path) {
        String[] a = get(replicas.get(0), path).body().split("\n");
        String[] b = get(replicas.get(1), path).body().split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ":\n  " + a[i] + "\n  " + b[i];
            }
        }
        return a.length == b.length ? "same bytes now" : "lengths " + a.length + " and " + b.length;
    }

    private static List<String> etags(List<Replica> replicas, String path) {
        List<String> seen = new ArrayList<>();
        for (Replica replica : replicas) {
            HttpResponse<String> r = get(replica, path);
            assertEquals(200, r.statusCode(), replica.name() + path);
            seen.add(r.headers().firstValue("ETag").orElse("none"));
        }
        return seen;
    }

    @Test
    void imageValidatorsAreTheSameOnEveryReplica() {
        String url = Edge.imageUrls(Edge.importGallery(
                        "副本一致：图片 " + UUID.randomUUID(),
                        List.of("S" + UUID.randomUUID().toString().replace("-", "") + "_w800h600.jpg")))
                .get(0);
        String path = URI.create(url).getRawPath();
        List<String> etags = new ArrayList<>();
        for (Replica replica : RunningCluster.cluster().replicas("image-service")) {
            HttpResponse<String> r = get(replica, path);
            assertEquals(200, r.statusCode(), replica.name() + path);
            etags.add(r.headers().firstValue("ETag").orElseThrow());
        }
        assertEquals(etags.get(0), etags.get(1), "each replica resized the image itself");
    }

    /**
     * The validators two replicas agree on. A replica rebuilds its feeds one after another in a
     * poll, so each is read until both have finished the poll that brought the last change; they
     * must then agree, within the feed's polling bound.
     */
    private static List<String> agreed(Replica one, Replica other, Predicate<String> current, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> a = validators(one, current);
        List<String> b = validators(other, current);
        while (!a.equals(b) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            a = validators(one, current);
            b = validators(other, current);
        }
        assertEquals(a, b, what);
        return a;
    }

    /** ETag and Last-Modified of every feed on {@code replica}, once its home feed is {@code current}. */
    private static List<String> validators(Replica replica, Predicate<String> current) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!current.test(get(replica, "/feeds/rss.xml").body())
                || FEEDS.stream().anyMatch(feed -> get(replica, feed).statusCode() != 200)) {
            assertTrue(System.nanoTime() < deadline, replica.name() + " never caught up");
            Thread.sleep(100);
        }
        List<String> validators = new ArrayList<>();
        for (String feed : FEEDS) {
            HttpResponse<String> r = get(replica, feed);
            assertEquals(200, r.statusCode(), replica.name() + feed);
            validators.add(feed + " " + r.headers().firstValue("ETag").orElseThrow() + " "
                    + r.headers().firstValue("Last-Modified").orElseThrow());
        }
        return validators;
    }

    /** Straight to one replica over HTTP/1.1 (the client bounds the whole exchange). */
    private static HttpResponse<String> get(Replica replica, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + replica.port() + path))
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(replica.name() + path + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

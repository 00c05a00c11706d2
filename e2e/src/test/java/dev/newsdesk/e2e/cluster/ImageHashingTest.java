package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, "one resize per rendition across replicas": the same gallery walk through nginx with
 * one image-service replica, with two balanced round robin, and with two behind consistent hashing
 * of the request URI (the Ingress's upstream-hash-by). A fresh gallery each time, so every walk
 * starts cold; the hit ratio is 1 - resizes / requests, resizes counted by the replicas
 * ({@code newsdesk_image_resize_seconds_count}). Hashing must give two replicas the hit ratio of one.
 */
@ExtendWith(RunningCluster.class)
class ImageHashingTest {

    private static final int GALLERY = 8;
    private static final int VIEWERS = 4;
    private static final String RESIZES = "newsdesk_image_resize_seconds_count";

    @Test
    void twoReplicasBehindConsistentHashingKeepTheHitRatioOfOne() {
        NewsdeskCluster cluster = RunningCluster.cluster();
        Replica second = cluster.replicas("image-service").get(1);
        cluster.inUpstream(second, false);
        Walk one;
        try {
            one = walk("one");
        } finally {
            cluster.inUpstream(second, true);
        }
        cluster.hashing(false);
        Walk roundRobin;
        try {
            roundRobin = walk("rr");
        } finally {
            cluster.hashing(true);
        }
        Walk hashed = walk("hash");
        System.out.printf(
                "image hit ratio, %d viewers walking a gallery of %d renditions: one replica %.3f (%d resizes),"
                        + " two round robin %.3f (%d), two hashed by URI %.3f (%d)%n",
                VIEWERS,
                one.renditions,
                one.hitRatio(),
                one.resizes,
                roundRobin.hitRatio(),
                roundRobin.resizes,
                hashed.hitRatio(),
                hashed.resizes);
        assertEquals(one.renditions, one.resizes, "one replica resizes each rendition once");
        assertEquals(hashed.renditions, hashed.resizes, "hashed, two replicas resize each rendition once");
        assertTrue(roundRobin.resizes > roundRobin.renditions, "round robin resizes some renditions twice");
    }

    private record Walk(int renditions, int requests, int resizes) {
        double hitRatio() {
            return 1 - (double) resizes / requests;
        }
    }

    /** A new gallery (names unique to this walk), then each viewer asks for every rendition once. */
    private static Walk walk(String name) {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < GALLERY; i++) {
            images.add("H" + name + i + "_w800h600.jpg");
        }
        List<String> urls = Edge.imageUrls(Edge.importGallery("集群图库：" + name, images));
        double before = Edge.metric("image-service", RESIZES, "");
        int requests = 0;
        for (int viewer = 0; viewer < VIEWERS; viewer++) {
            // Each viewer starts at another image, as readers do (and in lockstep, round robin
            // would send a rendition to the same replica every time).
            for (int i = 0; i < urls.size(); i++) {
                String url = urls.get((i + viewer) % urls.size());
                HttpResponse<String> image = Edge.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(60))
                        .build());
                assertEquals(200, image.statusCode(), url + ": " + image.body());
                requests++;
            }
        }
        int resizes = (int) Math.round(Edge.metric("image-service", RESIZES, "") - before);
        return new Walk(urls.size(), requests, resizes);
    }
}

package dev.newsdesk.image.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.config.ImageConfig;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.signing.SignedRequest;
import dev.newsdesk.image.testing.TestImages;
import dev.newsdesk.image.testing.TestOrigin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's load behaviour, without Quarkus: single flight, bounded queue, disk tier. */
class ImageServiceTest {

    static TestOrigin origin;

    @TempDir
    Path data;

    @BeforeAll
    static void start() {
        origin = new TestOrigin().serve(TestImages.gallery(700, 1808));
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    ImageService service(int workers, int queue) {
        return new ImageService(config(data, workers, queue), new SimpleMeterRegistry());
    }

    ImageRequest request(ImageService service, String options) {
        String source = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(origin.url("baseline_w700h1808.jpg").getBytes());
        SignedRequest signed = service.verify("/img/unsafe/" + options + "/" + source);
        Format format = signed.options().format();
        return new ImageRequest(signed.sourceUrl(), signed.options(), format == Format.AUTO ? Format.JPEG : format);
    }

    @Test
    void identicalConcurrentRequestsShareOneFetchAndOneResize() {
        ImageService service = service(2, 8);
        int before = origin.requests();
        List<CompletableFuture<Encoded>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(service.load(request(service, "w:333/f:jpeg")));
        }
        Encoded first = all.get(0).join();
        for (CompletableFuture<Encoded> f : all) {
            assertSame(first, f.join());
        }
        assertEquals(before + 1, origin.requests());
        assertSame(first, service.fromMemory(request(service, "w:333/f:jpeg")));
        service.stop();
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterInsteadOfQueueingWithoutBound() {
        ImageService service = service(1, 1);
        List<CompletableFuture<Encoded>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            all.add(service.load(request(service, "w:" + (100 + i) + "/f:avif"))); // the costliest encode
        }
        int busy = 0, ok = 0;
        for (CompletableFuture<Encoded> f : all) {
            try {
                f.get(60, TimeUnit.SECONDS);
                ok++;
            } catch (ExecutionException e) {
                ProblemException problem = (ProblemException)
                        (e.getCause() instanceof CompletionException
                                ? e.getCause().getCause()
                                : e.getCause());
                assertEquals(503, problem.status());
                assertTrue(Integer.parseInt(problem.headers().get("Retry-After")) > 0, "a positive Retry-After");
                busy++;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        assertTrue(busy > 0, "some requests were turned away");
        assertTrue(ok >= 2, "the worker and the queue slot were served");
        service.stop();
    }

    @Test
    void theDiskTierSurvivesARestart() throws Exception {
        ImageService first = service(1, 4);
        Encoded encoded = first.load(request(first, "w:222/f:png")).get(30, TimeUnit.SECONDS);
        first.stop();
        int before = origin.requests();
        ImageService second = service(1, 4);
        Encoded again = second.load(request(second, "w:222/f:png")).get(30, TimeUnit.SECONDS);
        assertEquals(encoded.etag(), again.etag());
        assertEquals(before, origin.requests(), "served from disk, not fetched again");
        assertTrue(Files.walk(data.resolve("image-cache")).anyMatch(Files::isRegularFile));
        second.stop();
    }

    static ImageConfig config(Path data, int workers, int queue) {
        return config(data, workers, queue, Optional.empty());
    }

    static ImageConfig config(Path data, int workers, int queue, Optional<String> signingKey) {
        return new ImageConfig() {
            public Optional<String> imageSigningKey() {
                return signingKey;
            }

            public List<String> imageAllowedSources() {
                return List.of(origin.base());
            }

            public String dataDir() {
                return data.toString();
            }

            public long imageMaxSourcePixels() {
                return 50_000_000;
            }

            public long imageMaxSourceBytes() {
                return 20 << 20;
            }

            public long imageMemoryCacheBytes() {
                return 16 << 20;
            }

            public long imageDiskCacheBytes() {
                return 64 << 20;
            }

            public int imageWorkers() {
                return workers;
            }

            public int imageQueue() {
                return queue;
            }

            public Duration imageOriginTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration imageOriginConnectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration imageOriginReadTimeout() {
                return Duration.ofSeconds(3);
            }

            public int imageOriginMaxRedirects() {
                return 3;
            }

            public List<String> imageEncoders() {
                return List.of("webp", "avif");
            }

            public String imageResizeFilter() {
                return "catmull-rom";
            }
        };
    }
}

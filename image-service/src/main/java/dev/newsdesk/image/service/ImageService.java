package dev.newsdesk.image.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.http.HostResolver;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.http.UrlSignature;
import dev.newsdesk.image.cache.DiskCache;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.cache.RenderCache;
import dev.newsdesk.image.config.ImageConfig;
import dev.newsdesk.image.fetch.Connector;
import dev.newsdesk.image.fetch.FetchLimits;
import dev.newsdesk.image.fetch.OriginClient;
import dev.newsdesk.image.fetch.SourceImage;
import dev.newsdesk.image.pipeline.Codecs;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.pipeline.Pipeline;
import dev.newsdesk.image.pipeline.Resizer;
import dev.newsdesk.image.signing.SignedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * One image request from signed URL to encoded bytes. Everything cheap and decisive happens
 * first, on the calling (event-loop) thread: the signature, the options, the memory cache.
 * Only a miss goes to the pools: a fetch pool for origin I/O and the disk tier, and a
 * decode/resize/encode pool sized to the cores; both are {@link BoundedPool}s, so load never
 * turns into unbounded memory. A memory hit never waits behind a resize.
 */
@Startup
@Singleton
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UrlSignature signature;
    private final OriginClient origin;
    private final Codecs codecs;
    private final Pipeline pipeline;
    private final RenderCache cache;
    private final BoundedPool fetchPool;
    private final BoundedPool renderPool;
    private final MeterRegistry metrics;
    private final Timer resizeTimer;
    private final Counter memoryHits;
    /** Raw signed paths already verified: a repeat skips the HMAC and the parse. */
    private final Cache<String, SignedRequest> verified =
            Caffeine.newBuilder().maximumSize(100_000).build();

    ImageService(ImageConfig config, MeterRegistry metrics) {
        this.signature = UrlSignature.fromSetting(config.imageSigningKey());
        if (signature.isUnsigned()) {
            LOG.warn(
                    "NEWSDESK_IMAGE_SIGNING_KEY is not set: image URLs signed 'unsafe' are accepted. Set a key in production.");
        }
        FetchLimits limits = new FetchLimits(
                config.imageOriginConnectTimeout(),
                config.imageOriginReadTimeout(),
                config.imageOriginTimeout(),
                config.imageMaxSourceBytes(),
                config.imageOriginMaxRedirects());
        this.origin = new OriginClient(config.imageAllowedSources(), HostResolver.SYSTEM, Connector.PLAIN, limits);
        this.codecs = Codecs.load(encoders(config.imageEncoders()));
        LOG.infof("image encoders: %s", codecs.summary());
        this.pipeline = new Pipeline(
                config.imageMaxSourcePixels(),
                Resizer.Kernel.valueOf(config.imageResizeFilter()
                        .strip()
                        .toUpperCase(Locale.ROOT)
                        .replace('-', '_')),
                codecs);
        this.cache = new RenderCache(
                config.imageMemoryCacheBytes(),
                new DiskCache(Path.of(config.dataDir(), "image-cache"), config.imageDiskCacheBytes()));
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = config.imageWorkers() > 0 ? config.imageWorkers() : cores;
        // 16 per worker: a cold listing page asks for 20 thumbnails at once and an article page for
        // its whole gallery; a browser never retries an image that got a 503, so a queue sized for
        // one page is the floor. Beyond that the 503 keeps a burst from queueing without bound.
        int queue = config.imageQueue() > 0 ? config.imageQueue() : 16 * workers;
        Runnable rejected = () -> metrics.counter("newsdesk.image.rejected").increment();
        this.renderPool = new BoundedPool("image-render", workers, queue, rejected);
        this.fetchPool = new BoundedPool("image-fetch", Math.max(8, 4 * cores), 64, rejected);
        this.metrics = metrics;
        PoolGauges.register(metrics, "render", renderPool);
        PoolGauges.register(metrics, "fetch", fetchPool);
        this.memoryHits = metrics.counter("newsdesk.image.cache", "tier", "memory", "result", "hit");
        this.resizeTimer = Timer.builder("newsdesk.image.resize")
                .description("Decode, resize and encode time per source")
                .publishPercentiles(0.5, 0.95)
                .register(metrics);
    }

    private static Set<Format> encoders(List<String> names) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String name : names) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            if (n.equals("WEBP") || n.equals("AVIF")) {
                formats.add(Format.valueOf(n));
            } else if (!n.isEmpty() && !n.equals("NONE")) {
                LOG.warnf("NEWSDESK_IMAGE_ENCODERS: '%s' is not webp or avif; ignored", name);
            }
        }
        return formats;
    }

    @PreDestroy
    void stop() {
        fetchPool.shutdown();
        renderPool.shutdown();
        try {
            // let running work finish its cache writes; queued work is dropped after the grace period
            if (!fetchPool.awaitTermination(5) | !renderPool.awaitTermination(5)) {
                fetchPool.shutdownNow();
                renderPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this host can encode {@code format} (JPEG and PNG always; WebP and AVIF with their libraries). */
    public boolean available(Format format) {
        return codecs.has(format);
    }

    /** The signed request of a raw {@code /img/...} path, or a {@link ProblemException}; refusals are counted by reason. */
    public SignedRequest verify(String rawRequestPath) {
        try {
            return verifiedOrParse(rawRequestPath);
        } catch (ProblemException e) {
            countFailure(e);
            throw e;
        }
    }

    /** The same check for the hot path: never throws and counts nothing (a refusal is left to {@link #verify}). */
    public SignedRequest verifiedOrNull(String rawRequestPath) {
        try {
            return verifiedOrParse(rawRequestPath);
        } catch (ProblemException e) {
            return null;
        }
    }

    private SignedRequest verifiedOrParse(String rawRequestPath) {
        SignedRequest known = verified.getIfPresent(rawRequestPath);
        if (known != null) {
            return known;
        }
        SignedRequest parsed = SignedRequest.parse(rawRequestPath, signature);
        verified.put(rawRequestPath, parsed);
        return parsed;
    }

    /** The hot path's question: is the output in memory? Counts only hits: a miss is counted by the full path. */
    public Encoded cachedHit(ImageRequest request) {
        Encoded hit = cache.inMemory(request.cacheKey());
        if (hit != null) {
            memoryHits.increment();
        }
        return hit;
    }

    /** An encoded output from memory right now, or null: no I/O, safe on the event loop. */
    public Encoded fromMemory(ImageRequest request) {
        Encoded hit = cache.inMemory(request.cacheKey());
        metrics.counter("newsdesk.image.cache", "tier", "memory", "result", hit != null ? "hit" : "miss")
                .increment();
        return hit;
    }

    /** The encoded output, from disk or rendered; identical concurrent requests share one load. */
    public CompletableFuture<Encoded> load(ImageRequest request) {
        String key = request.cacheKey();
        CompletableFuture<Encoded> result = cache.shared(key, () -> {
            CompletableFuture<Encoded> done = new CompletableFuture<>();
            fetchPool.submit(done, () -> {
                Encoded onDisk = cache.onDisk(key);
                metrics.counter("newsdesk.image.cache", "tier", "disk", "result", onDisk != null ? "hit" : "miss")
                        .increment();
                if (onDisk != null) {
                    done.complete(onDisk);
                    return;
                }
                SourceImage source = origin.fetch(request.sourceUrl());
                renderPool.submit(done, () -> {
                    // The resize timer counts renditions only: an info request measures, it makes no picture.
                    Encoded encoded = request.target() == Format.JSON
                            ? render(source.bytes(), request)
                            : resizeTimer.record(() -> render(source.bytes(), request));
                    cache.store(key, encoded, () -> done.complete(encoded)); // answer before the disk write
                });
            });
            return done;
        });
        return result.whenComplete((value, failure) -> {
            if (failure instanceof ProblemException problem) {
                countFailure(problem);
            }
        });
    }

    private Encoded render(byte[] source, ImageRequest request) {
        if (request.target() == Format.JSON) {
            try {
                return Encoded.of(JSON.writeValueAsBytes(pipeline.info(source)), Format.JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("ImageInfo is a plain record", e);
            }
        }
        Pipeline.Rendered rendered = pipeline.render(source, request.options(), request.target());
        return Encoded.of(rendered.bytes(), rendered.format());
    }

    private void countFailure(ProblemException e) {
        if (e.status() == 404 || e.status() == 502 || e.status() == 504) {
            metrics.counter("newsdesk.image.origin.errors", "reason", e.slug()).increment();
        } else if (e.status() < 500) {
            metrics.counter("newsdesk.image.refusals", "reason", e.slug()).increment();
        }
    }
}

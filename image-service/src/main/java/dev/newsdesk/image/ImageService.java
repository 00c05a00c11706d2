package dev.newsdesk.image;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.ImageOptions.Format;
import dev.newsdesk.image.cache.DiskCache;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.cache.RenderCache;
import dev.newsdesk.image.config.ImageConfig;
import dev.newsdesk.image.error.ImageProblems;
import dev.newsdesk.image.fetch.Connector;
import dev.newsdesk.image.fetch.FetchLimits;
import dev.newsdesk.image.fetch.HostResolver;
import dev.newsdesk.image.fetch.OriginClient;
import dev.newsdesk.image.fetch.SourceImage;
import dev.newsdesk.image.pipeline.Pipeline;
import dev.newsdesk.image.pipeline.Resizer;
import dev.newsdesk.image.signing.UrlSignature;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * One image request from signed URL to encoded bytes. Everything cheap and decisive happens
 * first, on the calling (event-loop) thread: the signature, the options, the memory cache.
 * Only a miss goes to the pools: a fetch pool for origin I/O and the disk tier, and a
 * decode/resize pool sized to the cores; both have bounded queues and a full queue is a 503
 * with {@code Retry-After}, so load never turns into unbounded memory. A memory hit never
 * waits behind a resize.
 */
@Startup
@Singleton
public class ImageService {

    private static final Logger LOG = Logger.getLogger(ImageService.class);
    static final int RETRY_AFTER_SECONDS = 2;

    /** A verified request: the source URL, its options, and what the client accepts. */
    public record ImageRequest(String sourceUrl, ImageOptions options, boolean acceptsWebp) {
    }

    private final UrlSignature signature;
    private final OriginClient origin;
    private final Pipeline pipeline;
    private final RenderCache cache;
    private final ThreadPoolExecutor fetchPool;
    private final ThreadPoolExecutor renderPool;
    private final MeterRegistry metrics;
    private final Timer resizeTimer;
    private final io.micrometer.core.instrument.Counter memoryHits;
    private final com.github.benmanes.caffeine.cache.Cache<String, String> verifiedKeys =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000).build();

    ImageService(ImageConfig config, MeterRegistry metrics) {
        this.signature = UrlSignature.fromSetting(config.imageSigningKey());
        if (signature.isUnsigned()) {
            LOG.warn("NEWSDESK_IMAGE_SIGNING_KEY is not set: image URLs signed 'unsafe' are accepted. Set a key in production.");
        }
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(3), Duration.ofSeconds(5), config.imageOriginTimeout(),
                config.imageMaxSourceBytes(), 3);
        this.origin = new OriginClient(config.imageAllowedSources(), HostResolver.SYSTEM, Connector.PLAIN, limits);
        this.pipeline = new Pipeline(config.imageMaxSourcePixels(),
                Resizer.Kernel.valueOf(config.imageResizeFilter().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_')));
        this.cache = new RenderCache(config.imageMemoryCacheBytes(),
                new DiskCache(Path.of(config.dataDir(), "image-cache"), config.imageDiskCacheBytes()));
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = config.imageWorkers() > 0 ? config.imageWorkers() : cores;
        int queue = config.imageQueue() > 0 ? config.imageQueue() : 4 * workers;
        this.renderPool = pool("image-render", workers, queue);
        this.fetchPool = pool("image-fetch", Math.max(8, 4 * cores), 64);
        this.metrics = metrics;
        this.memoryHits = metrics.counter("newsdesk.image.cache", "tier", "memory", "result", "hit");
        this.resizeTimer = Timer.builder("newsdesk.image.resize").description("Decode, resize and encode time per source")
                .publishPercentiles(0.5, 0.95).register(metrics);
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), factory,
                new ThreadPoolExecutor.AbortPolicy());
    }

    @PreDestroy
    void stop() {
        fetchPool.shutdown();
        renderPool.shutdown();
        try {
            // let running work finish its cache writes; queued work is dropped after the grace period
            if (!fetchPool.awaitTermination(5, TimeUnit.SECONDS) | !renderPool.awaitTermination(5, TimeUnit.SECONDS)) {
                fetchPool.shutdownNow();
                renderPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Checks the signature of {@code signedPath} (the raw path after the signature, from its
     * {@code /}) and parses it into a request. Refusals are counted by reason.
     */
    public ImageRequest verify(String givenSignature, String rawSignedPath, String accept) {
        try {
            // The MAC is over the path as received. A client or proxy that percent-encodes
            // (w%3A720) changes the bytes but not the meaning, so the decoded path is accepted too.
            String signedPath = percentDecoded(rawSignedPath);
            if (!signature.accepts(givenSignature, rawSignedPath)
                    && (signedPath.equals(rawSignedPath) || !signature.accepts(givenSignature, signedPath))) {
                throw ImageProblems.refused("bad-signature", "The URL signature is not valid");
            }
            int last = signedPath.lastIndexOf('/');
            String source = signedPath.substring(last + 1);
            String url;
            try {
                url = new String(Base64.getUrlDecoder().decode(source), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("source", "not base64url");
            }
            if (source.isEmpty() || source.contains("=")) {
                throw ProblemException.invalidField("source", "not base64url without padding");
            }
            ImageOptions options = ImageOptions.parse(signedPath.substring(0, Math.max(0, last)));
            return new ImageRequest(url, options, acceptsWebp(accept));
        } catch (ProblemException e) {
            countFailure(e);
            throw e;
        }
    }

    static String percentDecoded(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw ProblemException.badRequest("The path has a malformed percent-encoding");
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /**
     * The hot path's question: a valid URL whose output is in memory? Never throws and counts only
     * hits: a miss or a refusal is left to the full path, which counts it there.
     */
    public Encoded cachedHit(String givenSignature, String rawSignedPath, String accept) {
        boolean webp = acceptsWebp(accept);
        // A URL seen before with this signature was verified then: its cache key is remembered.
        String seen = (webp ? "w" : "-") + givenSignature + rawSignedPath;
        String known = verifiedKeys.getIfPresent(seen);
        if (known != null) {
            Encoded hit = cache.inMemory(known);
            if (hit != null) {
                memoryHits.increment();
            }
            return hit;
        }
        ImageRequest request;
        try {
            if (!signature.accepts(givenSignature, rawSignedPath)) {
                return null;
            }
            int last = rawSignedPath.lastIndexOf('/');
            String url = new String(Base64.getUrlDecoder().decode(rawSignedPath.substring(last + 1)), StandardCharsets.UTF_8);
            request = new ImageRequest(url, ImageOptions.parse(rawSignedPath.substring(0, last)), webp);
        } catch (ProblemException | IllegalArgumentException e) {
            return null;
        }
        String key = key(request);
        verifiedKeys.put(seen, key);
        Encoded hit = cache.inMemory(key);
        if (hit != null) {
            memoryHits.increment();
        }
        return hit;
    }

    /** An encoded output from memory right now, or null: no I/O, safe on the event loop. */
    public Encoded fromMemory(ImageRequest request) {
        Encoded hit = cache.inMemory(key(request));
        metrics.counter("newsdesk.image.cache", "tier", "memory", "result", hit != null ? "hit" : "miss").increment();
        return hit;
    }

    /** The encoded output, from disk or rendered; identical concurrent requests share one load. */
    public CompletableFuture<Encoded> load(ImageRequest request) {
        String key = key(request);
        CompletableFuture<Encoded> result = cache.shared(key, () -> {
            CompletableFuture<Encoded> done = new CompletableFuture<>();
            submit(fetchPool, done, () -> {
                Encoded onDisk = cache.onDisk(key);
                metrics.counter("newsdesk.image.cache", "tier", "disk", "result", onDisk != null ? "hit" : "miss").increment();
                if (onDisk != null) {
                    done.complete(onDisk);
                    return;
                }
                SourceImage source = origin.fetch(request.sourceUrl());
                submit(renderPool, done, () -> {
                    Pipeline.Rendered rendered = resizeTimer.record(() -> pipeline.render(source.bytes(), request.options(), request.acceptsWebp()));
                    Encoded encoded = Encoded.of(rendered.bytes(), rendered.format());
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

    private void submit(Executor pool, CompletableFuture<Encoded> done, Runnable work) {
        try {
            pool.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            metrics.counter("newsdesk.image.rejected").increment();
            done.completeExceptionally(ProblemException.unavailable("Too many images are being resized; retry shortly", RETRY_AFTER_SECONDS));
        }
    }

    private void countFailure(ProblemException e) {
        if (e.status() == 404 || e.status() == 502 || e.status() == 504) {
            metrics.counter("newsdesk.image.origin.errors", "reason", e.slug()).increment();
        } else if (e.status() < 500) {
            metrics.counter("newsdesk.image.refusals", "reason", e.slug()).increment();
        }
    }

    /** The cache key: everything that changes the bytes (source, options, the format {@code auto} resolves to). */
    static String key(ImageRequest request) {
        String format = request.options().format() == Format.AUTO ? (request.acceptsWebp() ? "auto-webp" : "auto") : "";
        String text = request.sourceUrl() + "\n" + request.options().canonical(request.options().format()) + "\n" + format;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code Accept} names {@code image/webp} with a non-zero quality. */
    static boolean acceptsWebp(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equalsIgnoreCase("image/webp")) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip();
                    if (p.startsWith("q=") && p.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}

package dev.newsdesk.article.placeholders;

import dev.newsdesk.article.articles.ArticleWrites;
import dev.newsdesk.article.client.ImageInfos;
import dev.newsdesk.article.config.PlaceholderConfig;
import dev.newsdesk.article.images.Placeholder;
import dev.newsdesk.article.store.MeasurementQueue;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Fills in placeholders after the writes: every write marks an article pending when a gallery
 * image lacks one (in its own transaction, so nothing is lost on a crash); this looks for pending
 * articles every second, asks image-service to measure their images — at most
 * {@code NEWSDESK_PLACEHOLDER_CONCURRENCY} at once — and stores what arrived through
 * {@link ArticleWrites#placeholdersMeasured}, the write path every write takes. A failure
 * (image-service or the origin down) waits in {@link MeasurementQueue}, doubling up to a cap.
 * Writes never wait for any of it. Replicas may measure the same article at once: the second
 * write finds nothing new (or loses on the version) and does nothing.
 */
@ApplicationScoped
public class PlaceholderFiller {

    private static final Logger LOG = Logger.getLogger(PlaceholderFiller.class);
    /** Articles taken per round; the next round (a second later) takes the next ones. */
    private static final int BATCH = 16;

    private final MeasurementQueue queue;
    private final ArticleWrites writes;
    private final ImageInfos images;
    private final PlaceholderConfig config;
    private final ExecutorService measuring;

    PlaceholderFiller(MeasurementQueue queue, ArticleWrites writes, ImageInfos images, PlaceholderConfig config) {
        this.queue = queue;
        this.writes = writes;
        this.images = images;
        this.config = config;
        this.measuring = Executors.newFixedThreadPool(
                Math.max(1, config.placeholderConcurrency()),
                Thread.ofPlatform().name("placeholder-", 0).daemon().factory());
    }

    @PreDestroy
    void stop() {
        measuring.shutdownNow();
    }

    @Scheduled(
            identity = "placeholder-filler",
            every = "${newsdesk.placeholder-poll:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        fill();
    }

    /** One round: each due article once. Returns how many articles got a new version. */
    public int fill() {
        int updated = 0;
        for (long id : queue.due(BATCH)) {
            try {
                updated += fillOne(id) ? 1 : 0;
            } catch (RuntimeException e) {
                // a concurrent edit (stale version) or the database: try again after the backoff
                LOG.debugf("placeholders of article %d not stored: %s", id, e.toString());
                queue.failed(id, config.placeholderRetryFirst(), config.placeholderRetryLongest());
            }
        }
        return updated;
    }

    private boolean fillOne(long id) {
        List<String> urls = writes.imagesToMeasure(id);
        Map<String, CompletableFuture<Placeholder>> asked = new LinkedHashMap<>();
        for (String url : urls) {
            asked.put(url, CompletableFuture.supplyAsync(() -> images.measure(url), measuring));
        }
        Map<String, Placeholder> measured = new LinkedHashMap<>();
        Set<String> unmeasurable = new HashSet<>();
        boolean failed = false;
        for (Map.Entry<String, CompletableFuture<Placeholder>> answer : asked.entrySet()) {
            try {
                measured.put(answer.getKey(), answer.getValue().join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ImageInfos.Unmeasurable unusable) {
                    LOG.infof("no placeholder for %s: %s", answer.getKey(), unusable.getMessage());
                    unmeasurable.add(answer.getKey());
                } else {
                    LOG.debugf("measuring %s failed: %s", answer.getKey(), String.valueOf(e.getCause()));
                    failed = true;
                }
            }
        }
        boolean updated = writes.placeholdersMeasured(id, measured, unmeasurable);
        if (failed) {
            queue.failed(id, config.placeholderRetryFirst(), config.placeholderRetryLongest());
        } else {
            queue.done(id);
        }
        return updated;
    }
}

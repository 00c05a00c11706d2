package dev.newsdesk.image.service;

import dev.newsdesk.http.ProblemException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of daemon threads and a bounded queue: when the queue is full the work is not
 * queued but answered with a 503 and {@code Retry-After}, so a burst (of AVIF encodes, say) never
 * turns into unbounded memory or latency.
 */
final class BoundedPool {

    static final int RETRY_AFTER_SECONDS = 2;

    private final ThreadPoolExecutor executor;
    private final Runnable onRejected;

    BoundedPool(String name, int threads, int queue, Runnable onRejected) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
        this.onRejected = onRejected;
    }

    /** Runs {@code work}; its failure, or a full queue (503), completes {@code done} exceptionally. */
    <T> void submit(CompletableFuture<T> done, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            onRejected.run();
            done.completeExceptionally(ProblemException.unavailable(
                    "Too many images are being resized; retry shortly", RETRY_AFTER_SECONDS));
        }
    }

    /** Tasks waiting for a thread now. */
    int queued() {
        return executor.getQueue().size();
    }

    /** Threads running a task now. */
    int busy() {
        return executor.getActiveCount();
    }

    void shutdown() {
        executor.shutdown();
    }

    boolean awaitTermination(long seconds) throws InterruptedException {
        return executor.awaitTermination(seconds, TimeUnit.SECONDS);
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}

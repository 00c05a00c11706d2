package dev.newsdesk.e2e.cluster;

import dev.newsdesk.e2e.BoundedHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Steady traffic through the ingress while replicas come and go: readers cycling through an
 * article, a listing, a feed and a cached image, and one editor creating an article every
 * {@code writeEvery}. Every answer but the expected status is a failure, kept with what was asked.
 */
final class Traffic implements AutoCloseable {

    /** One failed request: the method and path, and the status or the exception. */
    record Failure(String method, String path, String what) {
        boolean idempotent() {
            return !method.equals("POST") && !method.equals("PATCH");
        }
    }

    private final HttpClient http = BoundedHttpClient.create();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sent = new AtomicInteger();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Queue<Failure> retried = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads;

    Traffic(List<String> reads, int readers, Supplier<HttpRequest> write, Duration writeEvery) {
        this.threads = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int offset = r;
            threads.add(Thread.ofPlatform().name("reader-" + r).start(() -> {
                for (int i = offset; running.get(); i++) {
                    String path = reads.get(i % reads.size());
                    call(
                            HttpRequest.newBuilder(Edge.url(path))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            200);
                    pause(Duration.ofMillis(20));
                }
            }));
        }
        threads.add(Thread.ofPlatform().name("editor").start(() -> {
            while (running.get()) {
                call(write.get(), 201);
                pause(writeEvery);
            }
        }));
    }

    private void call(HttpRequest request, int expected) {
        sent.incrementAndGet();
        String path = request.uri().getRawPath();
        try {
            HttpResponse<String> answer;
            try {
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException closed) {
                // The edge reloads its configuration whenever a replica comes or goes, and an
                // nginx worker leaving closes its idle keep-alive connections: a request sent on
                // one just then gets no bytes back. RFC 9112 (9.3.1) lets a client send an
                // idempotent request again on a new connection, as browsers do; a write is not.
                if (!new Failure(request.method(), path, "").idempotent()) {
                    throw closed;
                }
                retried.add(new Failure(request.method(), path, closed.toString()));
                answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            if (answer.statusCode() != expected) {
                failures.add(new Failure(request.method(), path, answer.statusCode() + " " + answer.body()));
            }
        } catch (IOException e) {
            failures.add(new Failure(request.method(), path, e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Idempotent requests sent a second time after their connection closed unanswered. */
    List<Failure> retried() {
        return List.copyOf(retried);
    }

    int sent() {
        return sent.get();
    }

    List<Failure> failures() {
        return List.copyOf(failures);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sending and waits for the requests in flight to be answered. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
    }
}

package dev.newsdesk.article.webhooks;

import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.config.WebhookConfig;
import dev.newsdesk.http.HostResolver;
import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks on every replica: a loop that fans committed changes out into deliveries and
 * sends the due ones, each attempt on a virtual thread (at most {@link #IN_FLIGHT} at once). It
 * wakes when a change commits anywhere in the cluster (the change listener's
 * {@link ArticleChanged}), so an event leaves within milliseconds of its commit, and otherwise
 * every {@link #POLL} for retries that have come due. A database outage only pauses it.
 */
@Startup
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    static final int IN_FLIGHT = 32;
    static final int FAN_OUT_BATCH = 500;
    static final Duration POLL = Duration.ofMillis(250);
    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final int MAX_ERROR_CHARS = 500;

    private final WebhookDispatch dispatch;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running = true;
    private Thread loop;

    WebhookDispatcher(WebhookDispatch dispatch, WebhookStore store, WebhookConfig config, Vertx vertx) {
        this.dispatch = dispatch;
        this.store = store;
        this.sender = new WebhookSender(
                vertx,
                new WebhookTargets(config.allowedTargets().orElse(List.of()), HostResolver.SYSTEM),
                config.timeout());
        this.schedule = new RetrySchedule(config.retryDelays());
        // Longer than an attempt can take, so a live replica's lease never runs out under it.
        this.lease = config.timeout().plusSeconds(15);
    }

    @PostConstruct
    void start() {
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::run);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        loop.interrupt();
        loop.join(Duration.ofSeconds(2));
        attempts.shutdownNow();
        sender.close();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                boolean fannedOut = dispatch.fanOut(FAN_OUT_BATCH) > 0;
                boolean sent = sendDue();
                if (!fannedOut && !sent) {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Webhook delivery paused for %s: %s", BACKOFF, e.getMessage());
                sleep(BACKOFF);
            }
        }
    }

    /** Starts attempts for what is due, as far as there are free slots; true if it started any. */
    private boolean sendDue() {
        int free = slots.drainPermits();
        List<WebhookDispatch.Claimed> claimed;
        try {
            claimed = free == 0 ? List.of() : dispatch.claim(free, lease);
        } finally {
            slots.release(free);
        }
        if (claimed.isEmpty()) {
            return false;
        }
        Map<Long, WebhookStore.Endpoint> endpoints =
                store.all().stream().collect(Collectors.toMap(WebhookStore.Endpoint::id, Function.identity()));
        for (WebhookDispatch.Claimed delivery : claimed) {
            slots.acquireUninterruptibly();
            attempts.submit(() -> {
                try {
                    attempt(delivery, endpoints.get(delivery.endpointId()));
                } finally {
                    slots.release();
                    wake.release();
                }
            });
        }
        return true;
    }

    private void attempt(WebhookDispatch.Claimed delivery, WebhookStore.Endpoint endpoint) {
        if (endpoint == null) {
            return; // deleted meanwhile: its deliveries went with it
        }
        Instant at = Instant.now();
        WebhookSender.Outcome outcome =
                sender.send(endpoint.url(), endpoint.signingSecrets(at), delivery.messageId(), delivery.payload());
        Instant done = Instant.now();
        int status = outcome.status() == null ? 0 : outcome.status();
        String state;
        Instant next = null;
        if (outcome.delivered()) {
            state = DeliveryState.DELIVERED;
        } else if (status == 410) {
            state = DeliveryState.GONE;
            LOG.infof("Webhook endpoint %d answered 410 Gone: disabled", endpoint.id());
        } else {
            next = schedule.next(delivery.attempt(), done, status, outcome.retryAfter());
            state = next == null ? DeliveryState.FAILED : DeliveryState.PENDING;
        }
        String error = outcome.error() == null || outcome.error().length() <= MAX_ERROR_CHARS
                ? outcome.error()
                : outcome.error().substring(0, MAX_ERROR_CHARS);
        try {
            dispatch.record(delivery, at, outcome.status(), error, state, next);
        } catch (RuntimeException e) {
            // The database is away: the lease runs out and the delivery is tried again, same webhook-id.
            LOG.warnf(
                    "Could not record webhook attempt %s (%s); it will be retried",
                    delivery.messageId(), e.getMessage());
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

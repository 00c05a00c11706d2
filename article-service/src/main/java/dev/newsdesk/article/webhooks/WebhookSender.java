package dev.newsdesk.article.webhooks;

import dev.newsdesk.http.ProblemException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One attempt: checks the target again ({@link WebhookTargets}), connects to the address it judged
 * (Vert.x {@code RequestOptions.setServer}: no second lookup, while Host, SNI and the certificate
 * check use the URL's name), and POSTs the body signed afresh. A new connection each time (no
 * keep-alive), so every connection follows a check. The response body is read and dropped.
 */
public class WebhookSender {

    /** What came of an attempt: a status (and its Retry-After), or an error without one. */
    public record Outcome(Integer status, String retryAfter, String error) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final WebhookTargets targets;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, WebhookTargets targets, Duration timeout) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setConnectTimeout((int) timeout.toMillis())
                .setMaxPoolSize(64));
        this.targets = targets;
        this.timeout = timeout;
    }

    public Outcome send(String url, List<String> secrets, String messageId, String body) {
        WebhookTargets.Target target;
        try {
            target = targets.check(url);
        } catch (ProblemException refused) {
            return new Outcome(null, null, "target refused: " + refused.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setHost(target.uri().getHost())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(target.pathAndQuery())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "newsdesk-webhooks")
                .putHeader("webhook-id", messageId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.signatures(secrets, messageId, timestamp, body));
        try {
            HttpClientResponse response = client.request(request)
                    .compose(r -> r.send(Buffer.buffer(body)))
                    .compose(r -> r.end().map(done -> r))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(response.statusCode(), response.getHeader("retry-after"), null);
        } catch (TimeoutException e) {
            return new Outcome(null, null, "no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(null, null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, null, "interrupted");
        }
    }

    public void close() {
        client.close();
    }
}

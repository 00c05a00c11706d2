package dev.newsdesk.e2e;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} whose {@link #send} ends within a bound for the whole exchange: connect,
 * request, headers and the entire body. The JDK's own {@link HttpRequest#timeout} stops at the
 * response headers, so a server that sends headers and then stalls the body holds a plain
 * {@code send} for ever (a cluster test hung CI that way). Every e2e test builds its client here.
 */
public final class BoundedHttpClient extends HttpClient {

    /** Long enough for an import or a cold image on a loaded machine, short enough to name the stuck call. */
    public static final Duration EXCHANGE = Duration.ofSeconds(60);

    private final HttpClient delegate;
    private final Duration bound;

    private BoundedHttpClient(HttpClient delegate, Duration bound) {
        this.delegate = delegate;
        this.bound = bound;
    }

    /** A client with a 5 s connect timeout and the default bound on each exchange. */
    public static HttpClient create() {
        return of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)), EXCHANGE);
    }

    public static HttpClient of(HttpClient.Builder builder, Duration bound) {
        return new BoundedHttpClient(builder.build(), bound);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> exchange = delegate.sendAsync(request, handler);
        try {
            return exchange.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new HttpTimeoutException(
                    "no complete answer within " + bound + " to " + request.method() + " " + request.uri());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler).orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> pushes) {
        return delegate.sendAsync(request, handler, pushes).orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void close() {
        delegate.close();
    }
}

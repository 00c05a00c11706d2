package dev.newsdesk.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts {@link SecurityHeaders} on every answer of the service: the first route of the router
 * registers a hook that runs when the headers are written, whichever handler writes them — a
 * REST resource, a plain Vert.x route, the static files, the problem documents of unmatched
 * routes, {@code /q/*}. It runs before any other observer adds routes of the same order.
 */
public class SecurityHeadersRoute {

    @Produces
    @Singleton
    SecurityHeaders securityHeaders(SecurityHeadersConfig config) {
        return new SecurityHeaders(
                Stream.concat(Stream.of(config.publicBaseUrl()), config.imageBaseUrl().stream())
                        .toList(),
                List.of());
    }

    void install(@Observes @Priority(1) Router router, SecurityHeaders headers) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            onHeadersEnd(ctx, headers);
            ctx.next();
        });
    }

    /**
     * Registers the hook on one exchange. A request the router refuses before any route runs (a
     * path it cannot normalise) reaches only its error handler, which calls this itself.
     */
    static void onHeadersEnd(RoutingContext ctx, SecurityHeaders headers) {
        ctx.addHeadersEndHandler(v -> {
            HttpServerResponse response = ctx.response();
            headers.forAnswer(
                            ctx.request().path() == null ? "" : ctx.request().path(),
                            response.getStatusCode(),
                            response.headers().get(HttpHeaders.CONTENT_TYPE))
                    .forEach(response::putHeader);
        });
    }
}

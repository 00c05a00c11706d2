package dev.newsdesk.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts {@link SecurityHeaders} on every answer of the service: the first route of the router
 * registers a hook that runs when the headers are written, whichever handler writes them — a
 * REST resource, a plain Vert.x route, the static files, the problem documents of unmatched
 * routes, {@code /q/*}. It runs before any other observer adds routes of the same order.
 */
public class SecurityHeadersRoute {

    void install(@Observes @Priority(1) Router router, SecurityHeadersConfig config) {
        SecurityHeaders headers = new SecurityHeaders(
                Stream.concat(Stream.of(config.publicBaseUrl()), config.imageBaseUrl().stream())
                        .toList(),
                List.of());
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            onHeadersEnd(ctx, headers);
            ctx.next();
        });
    }

    /** Registers the hook on one exchange; the error handlers call it too for answers no route saw. */
    public static void onHeadersEnd(RoutingContext ctx, SecurityHeaders headers) {
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

package dev.newsdesk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests no resource matches never reach JAX-RS mappers: Vert.x answers them itself.
 * These handlers give them the same problem documents as everything else, so a client
 * never has to parse an HTML or plain-text error page.
 */
public class UnmatchedRoutes {

    void install(
            @Observes Router router,
            ObjectMapper json,
            SecurityHeaders headers,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody) {
        // The HTTP layer answers an over-long body with a bare 413 before any handler runs; a
        // declared Content-Length over the limit is answered here first, as a problem document.
        maxBody.ifPresent(limit -> router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit.asLongValue()) {
                answer(
                        ctx,
                        json,
                        413,
                        "The request body is " + length + " bytes; this service accepts at most "
                                + limit.asLongValue());
            } else {
                ctx.next();
            }
        }));
        router.errorHandler(
                404,
                ctx -> answer(ctx, json, 404, "No resource at " + ctx.request().path()));
        router.errorHandler(
                405,
                ctx -> answer(
                        ctx,
                        json,
                        405,
                        "This method is not allowed on " + ctx.request().path()));
        router.errorHandler(400, ctx -> {
            SecurityHeadersRoute.onHeadersEnd(ctx, headers); // no route ran for a request the router refused
            answer(ctx, json, 400, "The request is malformed");
        });
        router.errorHandler(413, ctx -> answer(ctx, json, 413, "The request body is larger than this service accepts"));
    }

    static void answer(RoutingContext ctx, ObjectMapper json, int status, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            Problem problem =
                    ProblemException.of(status, detail).toProblem(ctx.request().path());
            ctx.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}

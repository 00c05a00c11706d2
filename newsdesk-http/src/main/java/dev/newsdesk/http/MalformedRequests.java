package dev.newsdesk.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Requests no service can mean, refused with a problem document before any handler sees them
 * (found by the OpenAPI fuzzer, each a 500 before): a NUL character in the path or query
 * (PostgreSQL text cannot hold one, so a lookup failed in the driver), a percent sign that
 * starts no escape (the REST layer's path decoding threw while the error was being reported),
 * and a Content-Type that is no media type (the REST layer's {@code @Consumes} matching threw).
 */
public class MalformedRequests {

    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    void install(@Observes @Priority(2) Router router, ObjectMapper json) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String reason = reason(ctx);
            if (reason == null) {
                ctx.next();
            } else {
                UnmatchedRoutes.answer(ctx, json, 400, reason);
            }
        });
    }

    /** Why the request is malformed, or null. */
    static String reason(String uri, String contentType) {
        if (uri.toLowerCase(Locale.ROOT).contains("%00")) {
            return "The request target contains a NUL character";
        }
        if (BROKEN_ESCAPE.matcher(uri).find()) {
            return "The request target has a '%' that starts no percent-escape";
        }
        if (contentType != null) {
            try {
                MediaType.valueOf(contentType);
            } catch (IllegalArgumentException e) {
                return "The Content-Type header is not a media type";
            }
        }
        return null;
    }

    private static String reason(RoutingContext ctx) {
        return reason(ctx.request().uri(), ctx.request().getHeader(HttpHeaders.CONTENT_TYPE));
    }
}

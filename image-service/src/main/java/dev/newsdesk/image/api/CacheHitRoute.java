package dev.newsdesk.image.api;

import jakarta.enterprise.event.Observes;

import dev.newsdesk.http.EntityTags;
import dev.newsdesk.image.ImageService;
import dev.newsdesk.image.cache.Encoded;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The hot path: a memory-cache hit answered by a plain Vert.x route on the event loop, before
 * the REST layer is involved (signature checked first, as always). Anything else — a miss, a
 * refusal, a HEAD — falls through to {@link ImageResource}, which answers it the same way. The
 * cached bytes are wrapped, not copied, into the response buffer.
 */
public class CacheHitRoute {

    void install(@Observes Router router, ImageService images) {
        router.getWithRegex("/img/[^/]+/.+").order(-10).handler(ctx -> serve(ctx, images));
    }

    private static void serve(RoutingContext ctx, ImageService images) {
        HttpServerRequest request = ctx.request();
        ImageResource.SignedPath signed = ImageResource.SignedPath.of(request.path());
        Encoded hit = signed == null ? null
                : images.cachedHit(signed.signature(), signed.rest(), request.getHeader(HttpHeaders.ACCEPT));
        if (hit == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.ETAG, hit.etag()).putHeader(HttpHeaders.CACHE_CONTROL, ImageResource.CACHE_CONTROL);
        if (signed.rest().contains("f:auto") || !hasFormat(signed.rest())) {
            response.putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        if (EntityTags.matchesWeakly(request.getHeader(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, hit.contentType())
                .end(Buffer.buffer(Unpooled.wrappedBuffer(hit.bytes())));
    }

    private static boolean hasFormat(String rest) {
        return rest.startsWith("/f:") || rest.contains("/f:");
    }
}

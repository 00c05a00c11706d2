package dev.newsdesk.image.api;

import dev.newsdesk.http.EntityTags;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.service.ImageRequest;
import dev.newsdesk.image.service.ImageService;
import dev.newsdesk.image.signing.SignedRequest;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

/**
 * The hot path: a memory-cache hit answered by a plain Vert.x route on the event loop, before
 * the REST layer is involved (signature checked first, as always, by the same
 * {@link SignedRequest} parse and the same {@link ContentNegotiation} as the resource). Anything
 * else — a miss, a refusal, a HEAD — falls through to {@link ImageResource}, which answers it the
 * same way. The cached bytes are wrapped, not copied, into the response buffer.
 */
public class CacheHitRoute {

    void install(@Observes Router router, ImageService images) {
        router.getWithRegex("/img/[^/]+/.+").order(-10).handler(ctx -> serve(ctx, images));
    }

    private static void serve(RoutingContext ctx, ImageService images) {
        HttpServerRequest request = ctx.request();
        SignedRequest signed = images.verifiedOrNull(request.path());
        Format requested = signed == null ? null : signed.options().format();
        if (requested == null || !images.available(requested)) {
            ctx.next();
            return;
        }
        Format target = ContentNegotiation.target(requested, request.getHeader(HttpHeaders.ACCEPT), images::available);
        Encoded hit = images.cachedHit(new ImageRequest(signed.sourceUrl(), signed.options(), target));
        if (hit == null) {
            ctx.next();
            return;
        }
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.ETAG, hit.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, ImageResource.CACHE_CONTROL);
        String vary = ContentNegotiation.vary(signed.options());
        if (vary != null) {
            response.putHeader(HttpHeaders.VARY, vary);
        }
        if (EntityTags.matchesWeakly(request.getHeader(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, hit.contentType())
                .end(Buffer.buffer(Unpooled.wrappedBuffer(hit.bytes())));
    }
}

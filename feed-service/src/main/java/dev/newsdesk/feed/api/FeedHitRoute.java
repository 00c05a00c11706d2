package dev.newsdesk.feed.api;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Rendition;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.function.Function;

/**
 * The hot reads: the first page of a feed, in a format already rendered, answered by a plain
 * Vert.x route on the event loop before the REST layer is involved, with the reply
 * {@link FeedResource} would give ({@link FeedReply}). Anything else — a document not rendered
 * yet, a query string (a later page), an unknown feed, no feeds yet — falls through to the
 * resource, which renders or answers the problem. article-service answers its cache hits the same
 * way.
 */
public class FeedHitRoute {

    void install(@Observes Router router, FeedStore store) {
        router.get("/feeds/:file").order(-10).handler(ctx -> serve(ctx, store, c -> FeedKey.HOME));
        router.get("/feeds/categories/:name/:file")
                .order(-10)
                .handler(ctx -> serve(ctx, store, c -> FeedKey.category(c.pathParam("name"))));
        router.get("/feeds/tags/:name/:file")
                .order(-10)
                .handler(ctx -> serve(ctx, store, c -> FeedKey.tag(c.pathParam("name"))));
    }

    private static void serve(RoutingContext ctx, FeedStore store, Function<RoutingContext, FeedKey> key) {
        HttpServerRequest request = ctx.request();
        FeedFormat format = FeedFormat.ofFile(ctx.pathParam("file"));
        BuiltFeed feed = format == null || request.query() != null ? null : store.get(key.apply(ctx));
        Rendition rendition = feed == null ? null : feed.rendered(format, 1);
        if (rendition == null) {
            ctx.next();
            return;
        }
        FeedReply reply = FeedReply.of(
                rendition,
                format,
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING),
                store);
        HttpServerResponse response = ctx.response().setStatusCode(reply.status());
        reply.headers().forEach(response::putHeader);
        if (reply.body() == null) {
            response.end();
        } else {
            response.end(reply.body());
        }
    }
}

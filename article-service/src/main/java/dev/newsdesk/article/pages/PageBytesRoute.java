package dev.newsdesk.article.pages;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Cached pages straight from their bytes: a plain Vert.x route on the event loop, before the REST
 * layer, answers every page the cache holds (home, sections, tags, search results, articles,
 * sitemaps) with the very bytes, tags and headers the resources would send
 * ({@link RenderedPage#reply}), through the ordinary routing context, so every response hook of
 * the server applies to it too. It parses nothing: the page's key is its raw URL
 * ({@link Pages#url}). A miss falls through to {@link PageResource} / {@link SiteResource}, which
 * render it on a worker thread and put it in the cache.
 */
public class PageBytesRoute {

    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized(RenderedPage.CACHE_CONTROL);
    private static final CharSequence VARY = HttpHeaders.createOptimized(RenderedPage.VARY);
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    void install(@Observes Router router, Pages pages) {
        for (String path : new String[] {"/", "/search", "/sitemap.xml", "/sitemap-news.xml"}) {
            router.get(path).order(-10).handler(ctx -> answer(ctx, pages));
        }
        router.getWithRegex("/(articles|categories|tags)/[^/]+").order(-10).handler(ctx -> answer(ctx, pages));
    }

    private static void answer(RoutingContext ctx, Pages pages) {
        Optional<RenderedPage> hit = pages.peek(Pages.url(ctx.request()));
        if (hit.isEmpty()) {
            ctx.next();
            return;
        }
        RenderedPage page = hit.get();
        RenderedPage.Reply reply =
                page.reply(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), Pages.acceptEncoding(ctx.request()));
        HttpServerResponse response = ctx.response()
                .setStatusCode(reply.status())
                .putHeader(HttpHeaders.ETAG, reply.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .putHeader(HttpHeaders.VARY, VARY);
        if (reply.body() == null) {
            response.end();
            return;
        }
        if (reply.gzipped()) {
            // Already compressed: over HTTP/1.1 the server's compression passes a named encoding through.
            response.putHeader(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, page.contentType())
                .end(Buffer.buffer(Unpooled.wrappedBuffer(reply.body())));
    }
}

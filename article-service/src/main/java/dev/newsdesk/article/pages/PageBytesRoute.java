package dev.newsdesk.article.pages;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Cached pages straight from their bytes: a plain Vert.x route on the event loop, before the REST
 * layer, answers every page the cache holds (home, sections, tags, search results, articles,
 * sitemaps) with the very bytes, tags and headers the resources would send
 * ({@link RenderedPage#reply}), through the ordinary routing context, so every response hook of
 * the server applies to it too. It parses nothing: the page's key is its raw URL
 * ({@link Pages#url}). A miss falls through to {@link PageResource} / {@link SiteResource}, which
 * render it on a worker thread and put it in the cache. An article page the cache does not hold
 * but this replica's disk does ({@link KeptPages}) is sent from its file.
 */
public class PageBytesRoute {

    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized(RenderedPage.CACHE_CONTROL);
    private static final CharSequence VARY = HttpHeaders.createOptimized(RenderedPage.VARY);
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");

    private static final String ARTICLE = "/articles/";

    void install(@Observes Router router, Pages pages, KeptPages kept) {
        for (String path : new String[] {"/", "/search", "/sitemap.xml", "/sitemap-news.xml"}) {
            router.get(path).order(-10).handler(ctx -> orNext(ctx, answer(ctx, pages)));
        }
        router.getWithRegex("/(categories|tags)/[^/]+").order(-10).handler(ctx -> orNext(ctx, answer(ctx, pages)));
        router.getWithRegex(ARTICLE + "[^/]+")
                .order(-10)
                .handler(ctx -> orNext(ctx, answer(ctx, pages) || answerFromFile(ctx, kept)));
    }

    private static void orNext(RoutingContext ctx, boolean answered) {
        if (!answered) {
            ctx.next();
        }
    }

    /** Answers from the page cache, if it holds the page. */
    private static boolean answer(RoutingContext ctx, Pages pages) {
        Optional<RenderedPage> hit = pages.peek(Pages.url(ctx.request()));
        if (hit.isEmpty()) {
            return false;
        }
        RenderedPage page = hit.get();
        send(
                ctx,
                page.reply(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), Pages.acceptEncoding(ctx.request())),
                page.contentType());
        return true;
    }

    /**
     * The long tail of article pages: the page's file on this replica's disk, read whole (a page
     * the kernel's page cache holds reads in microseconds) and sent like a cache hit. A slug that
     * needs decoding, or a query string, is left to the resource, which finds the same file.
     */
    private static boolean answerFromFile(RoutingContext ctx, KeptPages kept) {
        String path = ctx.request().path();
        String slug = path.substring(ARTICLE.length());
        if (slug.indexOf('%') >= 0 || ctx.request().query() != null) {
            return false;
        }
        Optional<PageFiles.Held> held = kept.peek(slug);
        if (held.isEmpty()) {
            return false;
        }
        RenderedPage.Reply reply = RenderedPage.choose(
                held.get().etag(),
                ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH),
                Pages.acceptEncoding(ctx.request()));
        if (reply.status() == 200) {
            try {
                reply = reply.withBody(Files.readAllBytes(Path.of(kept.file(held.get(), reply.gzipped()))));
            } catch (IOException evicted) {
                return false; // nothing is written yet: the resource answers
            }
        }
        send(ctx, reply, RenderedPage.HTML);
        return true;
    }

    private static void send(RoutingContext ctx, RenderedPage.Reply reply, String contentType) {
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
        response.putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(reply.body())));
    }
}

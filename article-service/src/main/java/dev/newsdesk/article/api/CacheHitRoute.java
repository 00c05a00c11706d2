package dev.newsdesk.article.api;

import dev.newsdesk.article.articles.ArticleFiles;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.articles.CachedArticle;
import dev.newsdesk.article.articles.ListParams;
import dev.newsdesk.http.EntityTags;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
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
 * The hot reads: an article or a listing that the cache holds is answered by a plain Vert.x
 * route on the event loop, before the REST layer is involved, with the bytes the REST resource
 * would send (the same cached JSON and ETag). Anything else — a miss, a bad parameter, a 404 —
 * falls through to {@link ArticleResource}, which answers it. An article the memory cache does not
 * hold but this replica's disk does is sent as a file. The image-service serves its cache hits the
 * same way.
 */
public class CacheHitRoute {

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    void install(@Observes Router router, ArticleReads articles) {
        router.getWithRegex("/api/articles/[0-9]{1,18}").order(-10).handler(ctx -> article(ctx, articles));
        router.get("/api/articles").order(-10).handler(ctx -> list(ctx, articles));
    }

    private static void article(RoutingContext ctx, ArticleReads articles) {
        String path = ctx.request().path();
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        Optional<CachedArticle> hit = articles.cached(id);
        if (hit.isEmpty()) {
            articleFile(ctx, articles, id);
            return;
        }
        CachedArticle article = hit.get();
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        ctx.response().putHeader(HttpHeaders.ETAG, article.etag());
        if (EntityTags.matchesWeakly(ifNoneMatch, article.etag())) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(article.json())));
    }

    /**
     * The long tail: the article's file, read whole and sent like a memory hit. A file of a few KB
     * that the kernel's page cache holds reads in microseconds, as the open inside a sendFile
     * would; a sendFile answer costs more here (through the compressor, it is sent as chunks).
     * Should the file be gone between the look-up and the read (evicted meanwhile), nothing has
     * been written yet and the resource answers instead.
     */
    private static void articleFile(RoutingContext ctx, ArticleReads articles, long id) {
        Optional<ArticleFiles.OnDisk> file = articles.onDisk(id);
        if (file.isEmpty()) {
            ctx.next();
            return;
        }
        String etag = file.get().etag();
        HttpServerResponse response = ctx.response();
        if (EntityTags.matchesWeakly(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.putHeader(HttpHeaders.ETAG, etag).setStatusCode(304).end();
            return;
        }
        byte[] json;
        try {
            json = Files.readAllBytes(Path.of(file.get().file()));
        } catch (IOException gone) {
            ctx.next();
            return;
        }
        response.putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(Unpooled.wrappedBuffer(json)));
    }

    private static void list(RoutingContext ctx, ArticleReads articles) {
        MultiMap q;
        try {
            q = ctx.queryParams();
        } catch (IllegalArgumentException malformed) {
            ctx.next(); // the REST layer answers a malformed query with its problem document
            return;
        }
        ListParams params = new ListParams(
                q.get("category"),
                q.get("tag"),
                q.get("source"),
                q.get("q"),
                q.get("from"),
                q.get("to"),
                q.get("limit"),
                q.get("cursor"),
                q.get("status"));
        if (!params.isPublic()) {
            ctx.next(); // only the REST layer checks the token a status other than the public's needs
            return;
        }
        Optional<byte[]> hit = articles.cachedList(params);
        if (hit.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Buffer.buffer(Unpooled.wrappedBuffer(hit.get())));
    }
}

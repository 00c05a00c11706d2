package dev.newsdesk.article.api;

import dev.newsdesk.article.articles.CachedArticle;
import dev.newsdesk.http.EntityTags;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;

/** How the article resources answer with an article or a listing: cached JSON bytes, ETags, 304s. */
final class ArticleResponses {

    private ArticleResponses() {}

    /**
     * A cache hit is answered on the I/O thread that read the request; only a miss, which
     * needs the database, moves to a worker thread. Hot reads then cost no thread hand-off.
     */
    static Uni<Response> cachedOrBlocking(Optional<Response> hit, Supplier<Response> miss) {
        return hit.map(r -> Uni.createFrom().item(r))
                .orElseGet(() -> Uni.createFrom().item(miss).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** 304 when the client holds the current version (RFC 9110: If-None-Match compares weakly). */
    static Response conditional(CachedArticle article, String ifNoneMatch) {
        if (EntityTags.matchesWeakly(ifNoneMatch, article.etag())) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, article.etag())
                    .build();
        }
        return withBody(Response.ok(), article);
    }

    static Response withBody(Response.ResponseBuilder builder, CachedArticle article) {
        return builder.entity(article.json())
                .type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ETAG, article.etag())
                .build();
    }
}

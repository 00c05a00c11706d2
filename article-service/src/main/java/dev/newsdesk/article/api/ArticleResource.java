package dev.newsdesk.article.api;

import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticleInput;
import dev.newsdesk.article.ArticlePage;
import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.ArticleViews.CachedArticle;
import dev.newsdesk.article.ListParams;
import dev.newsdesk.http.EntityTags;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Articles for the app backend, feeds and editors")
public class ArticleResource {

    private final ArticleService articles;
    private final WriteAccess access;

    ArticleResource(ArticleService articles, WriteAccess access) {
        this.articles = articles;
        this.access = access;
    }

    @GET
    @Operation(summary = "Newest first, filtered, keyset-paginated (items without bodyHtml and blocks)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    public Uni<Response> list(@QueryParam("category") String category, @QueryParam("tag") String tag,
            @QueryParam("source") String source, @QueryParam("q") String q, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        ListParams params = new ListParams(category, tag, source, q, from, to, limit, cursor);
        return cachedOrBlocking(articles.cachedList(params).map(ArticleResource::json),
                () -> json(articles.listJson(params)));
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(summary = "One article; answers If-None-Match with 304")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Article.class)))
    public Uni<Response> get(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return cachedOrBlocking(articles.cached(id).map(a -> conditional(a, ifNoneMatch)),
                () -> conditional(articles.byId(id), ifNoneMatch));
    }

    /**
     * A cache hit is answered on the I/O thread that read the request; only a miss, which
     * needs the database, moves to a worker thread. Hot reads then cost no thread hand-off.
     */
    private static Uni<Response> cachedOrBlocking(Optional<Response> hit, Supplier<Response> miss) {
        return hit.map(r -> Uni.createFrom().item(r))
                .orElseGet(() -> Uni.createFrom().item(miss).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/slug/{slug}")
    @Operation(summary = "One article by slug; answers If-None-Match with 304")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Article.class)))
    public Response bySlug(@PathParam("slug") String slug, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return conditional(articles.bySlug(slug), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an article (bearer token)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Article.class)))
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ArticleInput input) {
        access.require(authorization);
        CachedArticle created = articles.create(input);
        return withBody(Response.created(URI.create("/api/articles/" + created.article().id())), created);
    }

    @PUT
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an article (bearer token); If-Match required: 428 without, 412 when stale")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Article.class)))
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ArticleInput input) {
        access.require(authorization);
        return withBody(Response.ok(), articles.update(id, ifMatch, input));
    }

    @DELETE
    @Path("/{id: \\d+}")
    @Operation(summary = "Delete an article (bearer token); it leaves lists, pages and feeds")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") long id) {
        access.require(authorization);
        articles.delete(id);
        return Response.noContent().build();
    }

    static Response conditional(CachedArticle article, String ifNoneMatch) {
        if (EntityTags.matchesWeakly(ifNoneMatch, article.etag())) {
            return Response.notModified().header(HttpHeaders.ETAG, article.etag()).build();
        }
        return withBody(Response.ok(), article);
    }

    static Response withBody(Response.ResponseBuilder builder, CachedArticle article) {
        return builder.entity(article.json()).type(MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, article.etag()).build();
    }
}

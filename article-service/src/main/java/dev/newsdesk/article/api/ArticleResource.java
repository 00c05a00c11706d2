package dev.newsdesk.article.api;

import static dev.newsdesk.article.api.ArticleResponses.cachedOrBlocking;
import static dev.newsdesk.article.api.ArticleResponses.conditional;
import static dev.newsdesk.article.api.ArticleResponses.json;
import static dev.newsdesk.article.api.ArticleResponses.withBody;

import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.articles.ArticleInput;
import dev.newsdesk.article.articles.ArticlePage;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.articles.ArticleWrites;
import dev.newsdesk.article.articles.CachedArticle;
import dev.newsdesk.article.articles.ListParams;
import io.smallrye.mutiny.Uni;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles", description = "Articles for the app backend, feeds and editors")
public class ArticleResource {

    static final String PROBLEM_JSON = "application/problem+json";

    private final ArticleReads articles;
    private final ArticleWrites writes;
    private final WriteAccess access;

    ArticleResource(ArticleReads articles, ArticleWrites writes, WriteAccess access) {
        this.articles = articles;
        this.writes = writes;
        this.access = access;
    }

    @GET
    @Operation(
            operationId = "listArticles",
            summary = "List articles, newest first, or search them by relevance",
            description = "Filtered and keyset-paginated; items come without bodyHtml and blocks. Follow nextCursor"
                    + " until it is null. With q, every article whose title or body contains q (Chinese text of"
                    + " any length, case-insensitive) is listed, by relevance blended with recency: a match in"
                    + " the title above mentions in the body, more mentions above fewer; each item then"
                    + " carries highlight.")
    @SecurityRequirements
    @APIResponse(
            responseCode = "200",
            description = "One page of articles",
            content = @Content(schema = @Schema(implementation = ArticlePage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    public Uni<Response> list(
            @Parameter(description = "Only articles in this category") @QueryParam("category") String category,
            @Parameter(description = "Only articles with this tag") @QueryParam("tag") String tag,
            @Parameter(description = "Only articles whose source name is this") @QueryParam("source") String source,
            @Parameter(
                            description = "Text to find in title and body, as written (Chinese text of any length"
                                    + " too); orders the results by relevance")
                    @QueryParam("q")
                    String q,
            @Parameter(
                            description = "Published at or after: RFC 3339, or a date (the start of that day, UTC)",
                            example = "2024-03-01")
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "Published at or before: RFC 3339, or a date (the end of that day, UTC)",
                            example = "2024-03-31")
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "Items per page; over 100 is refused, not cut",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(
                            description = "Which articles: published (the default, and all the public sees),"
                                    + " or with a bearer token draft or scheduled",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"published", "scheduled", "draft"},
                                            defaultValue = "published"))
                    @QueryParam("status")
                    String status,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        ListParams params = new ListParams(category, tag, source, q, from, to, limit, cursor, status);
        if (!params.isPublic()) {
            access.require(authorization);
        }
        return cachedOrBlocking(
                articles.cachedList(params).map(ArticleResponses::json), () -> json(articles.listJson(params)));
    }

    @GET
    @Path("/{id: \\d+}")
    @Operation(
            operationId = "getArticle",
            summary = "Get an article by id",
            description = "Answers If-None-Match with 304. Drafts and scheduled articles only with a bearer token"
                    + " (without one they are 404).")
    // Optional security: anyone, or a bearer token to read drafts and scheduled articles too.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @APIResponse(responseCode = "200", ref = "Article")
    @APIResponse(
            responseCode = "304",
            description = "Not modified: the If-None-Match entity tag is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Uni<Response> get(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The article's id") @PathParam("id") long id,
            @Parameter(description = "Entity tags held; a current one gives 304")
                    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch) {
        return cachedOrBlocking(
                articles.cached(id).map(a -> conditional(a, ifNoneMatch)),
                () -> conditional(articles.byId(id, access.allows(authorization)), ifNoneMatch));
    }

    @GET
    @Path("/slug/{slug}")
    @Operation(
            operationId = "getArticleBySlug",
            summary = "Get an article by slug",
            description = "Answers If-None-Match with 304.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", ref = "Article")
    @APIResponse(
            responseCode = "304",
            description = "Not modified: the If-None-Match entity tag is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response bySlug(
            @Parameter(description = "The article's slug") @PathParam("slug") String slug,
            @Parameter(description = "Entity tags held; a current one gives 304")
                    @HeaderParam(HttpHeaders.IF_NONE_MATCH)
                    String ifNoneMatch) {
        return conditional(articles.bySlug(slug), ifNoneMatch);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article")
    @SecurityRequirement(name = "bearer")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content = @Content(schema = @Schema(implementation = Article.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema = @Schema(implementation = ArticleInput.class),
                                            examples = @ExampleObject(name = "article", ref = "ArticleInput")))
                    ArticleInput input) {
        access.require(authorization);
        CachedArticle created = writes.create(input);
        return withBody(Response.created(URI.create("/api/articles/" + created.id())), created);
    }

    @PUT
    @Path("/{id: \\d+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateArticle",
            summary = "Replace an article",
            description = "Needs If-Match with the article's current ETag: 428 without one, 412 when it is stale.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", ref = "Article")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The article's id") @PathParam("id") long id,
            @Parameter(description = "The ETag of the version this edit starts from", required = true)
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            schema = @Schema(implementation = ArticleInput.class),
                                            examples = @ExampleObject(name = "article", ref = "ArticleInput")))
                    ArticleInput input) {
        access.require(authorization);
        return withBody(Response.ok(), writes.update(id, ifMatch, input));
    }

    @DELETE
    @Path("/{id: \\d+}")
    // A 204 has no body, so a generated client accepts only the problem type (its error answers):
    // that Accept must not turn a delete into a 406.
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    @Operation(
            operationId = "deleteArticle",
            summary = "Delete an article",
            description = "It leaves lists, pages and feeds; the change feed keeps a tombstone.")
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "The article's id") @PathParam("id") long id) {
        access.require(authorization);
        writes.delete(id);
        return Response.noContent().build();
    }
}

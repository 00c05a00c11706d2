package dev.newsdesk.article.api;

import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.importer.ArticleImporter;
import dev.newsdesk.article.importer.ImportOutcome;
import dev.newsdesk.article.importer.ImportReport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "import", description = "Jekyll posts in, articles out")
public class ImportResource {

    private final ArticleImporter importer;
    private final ArticleReads articles;
    private final WriteAccess access;

    ImportResource(ArticleImporter importer, ArticleReads articles, WriteAccess access) {
        this.importer = importer;
        this.articles = articles;
        this.access = access;
    }

    @POST
    @Consumes({"text/markdown", "text/x-markdown"})
    @Operation(
            operationId = "importPosts",
            summary = "Import Jekyll posts",
            description = "One post (text/markdown): 201 with the article when it is new, 200 with it when the post was"
                    + " imported before (the same post never makes two articles). A zip of posts (application/zip): 200 with"
                    + " a report of the files created, updated and rejected (each rejection with its reason).")
    @SecurityRequirement(name = "bearer")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = "text/markdown",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        description =
                                                "One Jekyll post: YAML front matter between '---' lines, then the body")),
                @Content(
                        mediaType = "application/zip",
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        format = "binary",
                                        description = "A zip of Jekyll posts"))
            })
    @APIResponse(
            responseCode = "201",
            description = "The post made a new article",
            headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Location", ref = "Location")},
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Article.class)))
    @APIResponse(
            responseCode = "200",
            description = "A post updated its article (the article), or a zip was imported (the report)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(oneOf = {Article.class, ImportReport.class})))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response importPost(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] post) {
        access.require(authorization);
        ImportOutcome outcome = importer.importPost(post);
        Response.ResponseBuilder builder = outcome.created()
                ? Response.created(URI.create("/api/articles/" + outcome.id()))
                : Response.ok().location(URI.create("/api/articles/" + outcome.id()));
        return ArticleResponses.withBody(builder, articles.byId(outcome.id(), true));
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @Operation(hidden = true) // documented with importPost: one path and method is one operation in OpenAPI
    public ImportReport importArchive(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] zip) {
        access.require(authorization);
        return importer.importArchive(zip);
    }
}

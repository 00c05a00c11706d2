package dev.newsdesk.article.api;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.ArticleImporter;
import dev.newsdesk.article.ArticleImporter.ImportOutcome;
import dev.newsdesk.article.ImportReport;

@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "import", description = "Jekyll posts in, articles out")
public class ImportResource {

    private final ArticleImporter importer;
    private final ArticleService articles;
    private final WriteAccess access;

    ImportResource(ArticleImporter importer, ArticleService articles, WriteAccess access) {
        this.importer = importer;
        this.articles = articles;
        this.access = access;
    }

    @POST
    @Consumes({"text/markdown", "text/x-markdown"})
    @Operation(summary = "Import one Jekyll post (bearer token): 201 created, 200 updated")
    public Response importPost(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] post) {
        access.require(authorization);
        ImportOutcome outcome = importer.importPost(post);
        Response.ResponseBuilder builder = outcome.created()
                ? Response.created(URI.create("/api/articles/" + outcome.id()))
                : Response.ok().location(URI.create("/api/articles/" + outcome.id()));
        return ArticleResource.withBody(builder, articles.byId(outcome.id()));
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @Operation(summary = "Import a zip of Jekyll posts (bearer token): a report of created, updated and rejected files")
    public ImportReport importArchive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] zip) {
        access.require(authorization);
        return importer.importArchive(zip);
    }
}

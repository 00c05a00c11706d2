package dev.newsdesk.article.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.store.NameCount;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class NameResource {

    private final ArticleService articles;

    NameResource(ArticleService articles) {
        this.articles = articles;
    }

    @GET
    @Path("/categories")
    @Operation(operationId = "listCategories", summary = "List categories", description = "Every category with its number of articles, most used first.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The categories")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public List<NameCount> categories() {
        return articles.categories();
    }

    @GET
    @Path("/tags")
    @Operation(operationId = "listTags", summary = "List tags", description = "Every tag with its number of articles, most used first.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The tags")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public List<NameCount> tags() {
        return articles.tags();
    }
}

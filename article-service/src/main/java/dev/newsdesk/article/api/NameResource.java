package dev.newsdesk.article.api;

import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.sections.SectionNames;
import dev.newsdesk.article.sections.SectionNames.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "articles")
public class NameResource {

    private final ArticleReads articles;
    private final SectionNames sections;

    NameResource(ArticleReads articles, SectionNames sections) {
        this.articles = articles;
        this.sections = sections;
    }

    @GET
    @Path("/categories")
    @Operation(
            operationId = "listCategories",
            summary = "List categories",
            description = "Every category with its number of articles, most used first, with the name people see.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The categories")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public List<Named> categories() {
        return articles.categories().stream()
                .map(c -> sections.category(c.name(), c.count()))
                .toList();
    }

    @GET
    @Path("/tags")
    @Operation(
            operationId = "listTags",
            summary = "List tags",
            description = "Every tag with its number of articles, most used first.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "The tags")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public List<Named> tags() {
        // Tags are written by people already (the sample's 界面新闻新闻); no slug to translate.
        return articles.tags().stream()
                .map(t -> new Named(t.name(), t.name(), t.count()))
                .toList();
    }
}

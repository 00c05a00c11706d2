package dev.newsdesk.article.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.newsdesk.article.error.ProblemException;
import dev.newsdesk.article.store.ArticleStore;

@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    private final ArticleStore store;

    ArticleResource(ArticleStore store) {
        this.store = store;
    }

    @GET
    public ArticlePage list() {
        return new ArticlePage(store.newest(20).stream().map(ArticleSummary::of).toList(), null);
    }

    @GET
    @Path("/{id}")
    public ArticleSummary get(@PathParam("id") long id) {
        return store.byId(id).map(ArticleSummary::of)
                .orElseThrow(() -> ProblemException.notFound("No article with id " + id));
    }
}

package dev.newsdesk.feed.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's read API, as far as feeds need it (the contract's article-service table). */
@Path("/api")
@RegisterRestClient(configKey = "article-service")
public interface ArticleApi {

    /** Newest first; null parameters are left out of the query. */
    @GET
    @Path("/articles")
    ArticlePage list(
            @QueryParam("category") String category,
            @QueryParam("tag") String tag,
            @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/articles/{id}")
    Article article(@PathParam("id") long id);

    /** Changes after {@code since} (null: from the start), oldest first, in commit order. */
    @GET
    @Path("/changes")
    ChangePage changes(@QueryParam("since") String since, @QueryParam("limit") int limit);

    @GET
    @Path("/categories")
    List<NameCount> categories();

    @GET
    @Path("/tags")
    List<NameCount> tags();
}

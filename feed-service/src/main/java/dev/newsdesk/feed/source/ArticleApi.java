package dev.newsdesk.feed.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** article-service's list call, as far as feeds need it. */
@Path("/api/articles")
@RegisterRestClient(configKey = "article-service")
public interface ArticleApi {

    @GET
    ArticlePage list(@QueryParam("limit") int limit);
}

package dev.newsdesk.feed.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

import dev.newsdesk.feed.config.FeedConfig;
import dev.newsdesk.feed.source.ArticlePage;
import dev.newsdesk.feed.source.ArticleSource;

/** The skeleton's JSON Feed, read straight from article-service; issue 5 caches and renders all formats. */
@Path("/feeds")
public class FeedResource {

    private final ArticleSource source;
    private final FeedConfig config;

    FeedResource(ArticleSource source, FeedConfig config) {
        this.source = source;
        this.config = config;
    }

    @GET
    @Path("/feed.json")
    @Produces("application/feed+json")
    public Map<String, Object> jsonFeed() {
        ArticlePage page = source.newest(50);
        List<Map<String, Object>> items = page.items().stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "article-" + a.id());
            item.put("url", config.publicBaseUrl() + "/articles/" + a.slug());
            item.put("title", a.title());
            item.put("date_published", a.publishedAt());
            return item;
        }).toList();
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("version", "https://jsonfeed.org/version/1.1");
        feed.put("title", "newsdesk");
        feed.put("items", items);
        return feed;
    }
}

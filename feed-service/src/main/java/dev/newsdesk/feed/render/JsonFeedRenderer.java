package dev.newsdesk.feed.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). Categories and tags both become
 * {@code tags}, the format's only classification; the source is the item's author; paging uses
 * {@code next_url}, the hub {@code hubs}.
 */
public final class JsonFeedRenderer implements FeedRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON;
    }

    @Override
    public byte[] render(Feed feed) {
        String file = format().file();
        List<JsonItem> items = new ArrayList<>(feed.items().size());
        for (FeedItem item : feed.items()) {
            List<String> tags = new ArrayList<>(item.categories());
            item.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add);
            items.add(new JsonItem(
                    item.guid(),
                    item.url(),
                    item.title(),
                    item.contentHtml(),
                    item.summary(),
                    item.image() == null ? null : item.image().url(),
                    FeedDates.rfc3339(item.published()),
                    FeedDates.rfc3339(item.updated()),
                    item.sourceName() == null ? null : List.of(new Author(item.sourceName(), item.sourceUrl())),
                    tags.isEmpty() ? null : tags));
        }
        JsonFeed document = new JsonFeed(
                "https://jsonfeed.org/version/1.1",
                feed.title(),
                feed.pageUrl(),
                feed.selfUrl(file),
                feed.nextUrl(file),
                feed.description(),
                feed.hubUrl() == null ? null : List.of(new Hub("WebSub", feed.hubUrl())),
                items);
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON Feed for " + feed.key(), e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(
            String version,
            String title,
            @JsonProperty("home_page_url") String homePageUrl,
            @JsonProperty("feed_url") String feedUrl,
            @JsonProperty("next_url") String nextUrl,
            String description,
            List<Hub> hubs,
            List<JsonItem> items) {}

    record Hub(String type, String url) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Author(String name, String url) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonItem(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            String summary,
            String image,
            @JsonProperty("date_published") String datePublished,
            @JsonProperty("date_modified") String dateModified,
            List<Author> authors,
            List<String> tags) {}
}

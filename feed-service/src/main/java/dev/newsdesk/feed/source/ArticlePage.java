package dev.newsdesk.feed.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of article-service's list; unknown fields are ignored so that article-service can grow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePage(List<ArticleSummary> items, String nextCursor) {

    public ArticlePage {
        items = items == null ? List.of() : items;
    }

    /**
     * One list entry: enough to tell whether an article changed ({@code version}, {@code updatedAt})
     * without fetching its body.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArticleSummary(
            long id, String slug, String title, String publishedAt, String updatedAt, Long version) {}
}

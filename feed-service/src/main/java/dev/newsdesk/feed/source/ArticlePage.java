package dev.newsdesk.feed.source;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of article-service's list; unknown fields are ignored so that article-service can grow. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePage(List<ArticleItem> items, String nextCursor) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ArticleItem(long id, String slug, String title, String publishedAt, String updatedAt) {
    }
}

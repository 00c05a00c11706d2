package dev.newsdesk.article.pages;

import java.util.List;

/** What every page's head says: title, canonical URL, Open Graph and the feeds it offers. */
public record PageMeta(String title, String ogTitle, String ogType, String canonical, String description, String image,
        String publishedTime, List<FeedLink> feeds, String home) {

    /** A {@code <link rel="alternate">} to one of feed-service's feeds. */
    public record FeedLink(String type, String title, String href) {
    }
}

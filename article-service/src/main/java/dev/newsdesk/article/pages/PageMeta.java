package dev.newsdesk.article.pages;

import java.util.List;

/**
 * What a page's head says: title, description, canonical URL, paging links, Open Graph and
 * Twitter card, structured data (JSON-LD, already serialized) and the feeds it offers.
 */
public record PageMeta(
        String title,
        String ogTitle,
        String ogType,
        String canonical,
        String description,
        String image,
        String publishedTime,
        String prev,
        String next,
        String jsonLd,
        boolean noindex,
        String query,
        List<FeedLink> feeds) {

    /** A {@code <link rel="alternate">} to one of feed-service's feeds. */
    public record FeedLink(String type, String title, String href) {}

    /** A listing's head: no image, no structured data. */
    static PageMeta listing(
            String title,
            String heading,
            String canonical,
            String description,
            String prev,
            String next,
            boolean noindex,
            String query,
            List<FeedLink> feeds) {
        return new PageMeta(
                title, heading, "website", canonical, description, null, null, prev, next, null, noindex, query, feeds);
    }
}

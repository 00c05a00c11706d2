package dev.newsdesk.feed.cache;

import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a feed's documents and pages are reachable, and what it is called: the parts of a
 * {@link Feed} that come from configuration rather than from articles.
 *
 * @param feedBaseUrl   where {@code /feeds/**} is reachable ({@code NEWSDESK_FEED_BASE_URL})
 * @param publicBaseUrl where article-service's pages are ({@code NEWSDESK_PUBLIC_BASE_URL})
 * @param hubUrl        the WebSub hub, or null
 * @param categoryNames category slug to the name readers see ({@code displayName} of
 *                      article-service's {@code /api/categories}), filled as the poller learns them
 */
public record FeedLinks(
        String feedBaseUrl, String publicBaseUrl, String hubUrl, String title, Map<String, String> categoryNames) {

    public FeedLinks {
        feedBaseUrl = stripSlash(feedBaseUrl);
        publicBaseUrl = stripSlash(publicBaseUrl);
    }

    public FeedLinks(String feedBaseUrl, String publicBaseUrl, String hubUrl, String title) {
        this(feedBaseUrl, publicBaseUrl, hubUrl, title, new ConcurrentHashMap<>());
    }

    public Feed feed(FeedKey key, int page, boolean hasNext, List<FeedItem> items) {
        String section =
                key.kind() == FeedKey.Kind.CATEGORY ? categoryNames.getOrDefault(key.name(), key.name()) : null;
        String name = switch (key.kind()) {
            case HOME -> title;
            case CATEGORY -> title + " · " + section;
            case TAG -> title + " · #" + key.name();
        };
        String description = switch (key.kind()) {
            case HOME -> "The newest articles of " + title;
            case CATEGORY -> "The newest articles in the category " + section;
            case TAG -> "The newest articles tagged " + key.name();
        };
        return new Feed(
                key,
                name,
                description,
                feedBaseUrl + key.path(),
                publicBaseUrl + key.pagePath(),
                page,
                hasNext,
                hubUrl,
                items);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

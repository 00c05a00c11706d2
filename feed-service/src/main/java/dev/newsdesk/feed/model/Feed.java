package dev.newsdesk.feed.model;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One page of one feed, the single model all three formats are rendered from.
 *
 * @param feedFolder  absolute URL of the feed's folder (e.g. {@code https://news.example/feeds/tags/%E9%87%91});
 *                    each format's document is {@code feedFolder + "/" + file}
 * @param pageUrl     absolute URL of the HTML page with the same articles ({@code rel="alternate"})
 * @param page        1 for the feed itself, 2.. for RFC 5005 archive pages
 * @param hasNext     whether page {@code page + 1} exists
 * @param hubUrl      the WebSub hub, or null
 */
public record Feed(
        FeedKey key,
        String title,
        String description,
        String feedFolder,
        String pageUrl,
        int page,
        boolean hasNext,
        String hubUrl,
        List<FeedItem> items) {

    /** The date of a feed without items: formats that need one get a fixed, honest "never". */
    public static final OffsetDateTime NEVER = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public Feed {
        Objects.requireNonNull(key);
        Objects.requireNonNull(feedFolder);
        title = XmlText.clean(title);
        description = XmlText.clean(description);
        items = List.copyOf(items);
    }

    /**
     * The newest change among the items. Derived from the content only, so that every replica
     * renders the same bytes (and the same ETag) for the same articles.
     */
    public OffsetDateTime updated() {
        OffsetDateTime newest = null;
        for (FeedItem item : items) {
            if (newest == null || item.updated().isAfter(newest)) {
                newest = item.updated();
            }
        }
        return newest == null ? NEVER : newest;
    }

    /** The absolute URL of this page in {@code file}'s format ({@code rss.xml}, ...). */
    public String selfUrl(String file) {
        return urlOfPage(file, page);
    }

    /** The absolute URL of the next (older) page in {@code file}'s format, or null. */
    public String nextUrl(String file) {
        return hasNext ? urlOfPage(file, page + 1) : null;
    }

    /** The absolute URL of the previous (newer) page in {@code file}'s format, or null on page 1. */
    public String previousUrl(String file) {
        return page > 1 ? urlOfPage(file, page - 1) : null;
    }

    private String urlOfPage(String file, int number) {
        return feedFolder + "/" + file + (number > 1 ? "?page=" + number : "");
    }
}

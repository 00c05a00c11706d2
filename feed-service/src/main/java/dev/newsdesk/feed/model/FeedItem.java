package dev.newsdesk.feed.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One article as every feed format shows it. All URLs are absolute and all text is free of
 * characters XML 1.0 forbids (the constructor cleans it), so renderers only arrange and escape.
 *
 * @param id        the article's id; the item's guid/id is {@link #guid()}, stable for the article's life
 * @param contentHtml the sanitized body with absolute URLs
 */
public record FeedItem(
        long id,
        String title,
        String url,
        OffsetDateTime published,
        OffsetDateTime updated,
        String summary,
        String contentHtml,
        List<String> categories,
        List<String> tags,
        String sourceName,
        String sourceUrl,
        Image image) {

    public FeedItem {
        Objects.requireNonNull(url);
        Objects.requireNonNull(published);
        title = XmlText.clean(title == null ? "" : title);
        summary = XmlText.clean(summary);
        contentHtml = XmlText.clean(contentHtml);
        categories = categories == null
                ? List.of()
                : categories.stream().map(XmlText::clean).toList();
        tags = tags == null ? List.of() : tags.stream().map(XmlText::clean).toList();
        sourceName = XmlText.clean(sourceName);
        sourceUrl = XmlText.clean(sourceUrl);
        updated = updated == null ? published : updated;
    }

    /**
     * The item's id in every format: a URN of the article id, not its URL, because the slug (and
     * with it the link) may change while the article stays the same article.
     */
    public String guid() {
        return "urn:newsdesk:article:" + id;
    }

    /** The lead image: absolute URL, media type, and pixel size where known (null when unknown). */
    public record Image(String url, String type, Integer width, Integer height) {

        public Image {
            Objects.requireNonNull(url);
            Objects.requireNonNull(type);
            url = XmlText.clean(url);
        }
    }
}

package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.ArticleSummary;
import dev.newsdesk.article.articles.LeadImage;
import dev.newsdesk.article.images.ImageUrls;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** A listing's line: thumbnail, title, date, source, section and summary. */
public record ListItem(
        String title,
        String href,
        String publishedAt,
        String published,
        String source,
        String section,
        String sectionHref,
        String summary,
        /** A search result's fragment: already HTML (escaped text and {@code <mark>}), shown as is. */
        String highlight,
        Thumbnail thumb) {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    /** The thumbnail's box in CSS px (desktop; phones show it at 96x72 by CSS, same ratio). */
    static final int THUMB_WIDTH = 160;

    static final int THUMB_HEIGHT = 120;
    /** Phone 1x, desktop 1x / phone 2x+, desktop 2x. */
    static final List<Integer> THUMB_WIDTHS = List.of(THUMB_WIDTH, 2 * THUMB_WIDTH);

    static final String THUMB_SIZES = "(max-width: 600px) 96px, " + THUMB_WIDTH + "px";

    /**
     * The lead image as a thumbnail. The box has fixed {@code width}/{@code height} and CSS
     * {@code object-fit: cover} crops the picture into it, so nothing moves while it loads,
     * whatever the picture's own shape. {@code color}: the placeholder's, painted behind it (null: unknown).
     */
    public record Thumbnail(
            String src, String srcset, String sizes, int width, int height, boolean lazy, String color) {}

    static ListItem of(ArticleSummary s, Site site, ImageUrls images, boolean lazy) {
        String section = s.categories().isEmpty() ? null : s.categories().get(0);
        return new ListItem(
                s.title(),
                site.articleHref(s.slug()),
                s.publishedAt(),
                SHOWN.format(OffsetDateTime.parse(s.publishedAt())),
                s.source() == null ? null : s.source().name(),
                section == null ? null : site.sectionName(section),
                section == null ? null : site.categoryHref(section),
                s.summary(),
                s.highlight(),
                thumbnail(s.leadImage(), images, lazy));
    }

    static Thumbnail thumbnail(LeadImage lead, ImageUrls images, boolean lazy) {
        if (lead == null) {
            return null;
        }
        List<Integer> widths = lead.width() == null
                ? List.of(THUMB_WIDTH)
                : THUMB_WIDTHS.stream()
                        .map(w -> Math.min(w, lead.width()))
                        .distinct()
                        .toList();
        String srcset = widths.stream()
                .map(w -> images.url(lead.url(), w) + " " + w + "w")
                .collect(Collectors.joining(", "));
        return new Thumbnail(
                images.url(lead.url(), widths.get(0)),
                srcset,
                THUMB_SIZES,
                THUMB_WIDTH,
                THUMB_HEIGHT,
                lazy,
                lead.placeholder() == null ? null : lead.placeholder().color());
    }
}

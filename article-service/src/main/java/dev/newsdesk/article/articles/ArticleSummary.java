package dev.newsdesk.article.articles;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A listing's item: the article without {@code bodyHtml} and {@code blocks}. */
@Schema(
        requiredProperties = {
            "id",
            "slug",
            "title",
            "publishedAt",
            "updatedAt",
            "categories",
            "tags",
            "source",
            "summary",
            "images",
            "leadImage",
            "version",
            "status"
        })
public record ArticleSummary(
        long id,
        String slug,
        String title,

        @Schema(format = "date-time", description = "RFC 3339 with the original offset")
        String publishedAt,

        @Schema(format = "date-time", description = "RFC 3339")
        String updatedAt,

        List<String> categories,
        List<String> tags,
        Source source,
        String summary,
        List<GalleryImage> images,

        @Schema(nullable = true, description = "The first gallery image, or null")
        LeadImage leadImage,

        long version,

        @Schema(
                enumeration = {"published", "scheduled", "draft"},
                description = "published: public; scheduled: public from publishedAt on; draft: never public"
                        + " until an editor publishes it. Only published articles are shown without a token")
        String status,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Only with q: the text around the first match, HTML-escaped, with the query's"
                        + " occurrences in <mark>",
                example = "…央行宣布<mark>降准</mark>0.5个百分点…")
        String highlight) {

    /** This item as a search result shows it. */
    public ArticleSummary withHighlight(String fragment) {
        return new ArticleSummary(
                id,
                slug,
                title,
                publishedAt,
                updatedAt,
                categories,
                tags,
                source,
                summary,
                images,
                leadImage,
                version,
                status,
                fragment);
    }
}

package dev.newsdesk.article.articles;

import dev.newsdesk.article.content.Block;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.store.Visibility;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as the API returns it (the contract's field names; times RFC 3339 with seconds). */
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
            "bodyHtml",
            "blocks",
            "images",
            "leadImage",
            "version",
            "status"
        })
public record Article(
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

        @Schema(description = "Plain text, at most 200 characters")
        String summary,

        @Schema(description = "Sanitized HTML; every img points at the image-service")
        String bodyHtml,

        @Schema(description = "The body for native apps, in reading order")
        List<Block> blocks,

        @Schema(description = "The original gallery images, in order")
        List<GalleryImage> images,

        @Schema(nullable = true, description = "The first gallery image, or null")
        LeadImage leadImage,

        @Schema(description = "Changes on every update") long version,

        @Schema(
                enumeration = {"published", "scheduled", "draft"},
                description = "published: public; scheduled: public from publishedAt on; draft: never public"
                        + " until an editor publishes it. Only published articles are shown without a token")
        String status) {

    public boolean isPublic() {
        return Visibility.PUBLISHED.equals(status);
    }
}

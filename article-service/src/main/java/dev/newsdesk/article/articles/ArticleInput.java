package dev.newsdesk.article.articles;

import dev.newsdesk.article.content.Source;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/articles} and {@code PUT /api/articles/{id}}. */
@Schema(requiredProperties = {"title", "publishedAt"})
public record ArticleInput(
        @Schema(maxLength = 500) String title,

        @Schema(description = "HTML; it is sanitized, and at most 1 MiB")
        String bodyHtml,

        @Schema(format = "date-time", description = "RFC 3339 with an offset; the offset is kept")
        String publishedAt,

        List<String> categories,
        List<String> tags,
        Source source,

        @Schema(
                enumeration = {"published", "scheduled", "draft"},
                defaultValue = "published",
                description = "draft keeps the article from the public; otherwise it is public from publishedAt on"
                        + " (scheduled until then). scheduled and published mean the same here")
        String status) {}

package dev.newsdesk.article.articles;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a listing; {@code nextCursor} is null on the last page. */
@Schema(requiredProperties = {"items", "nextCursor"})
public record ArticlePage(
        List<ArticleSummary> items,

        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page")
        String nextCursor) {}

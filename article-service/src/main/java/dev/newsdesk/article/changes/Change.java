package dev.newsdesk.article.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the change feed: the article's state after a committed write, or its tombstone. */
@Schema(requiredProperties = {"id", "slug", "version", "updatedAt", "deleted"})
public record Change(
        long id,
        String slug,

        @Schema(description = "The version this write left (the last one for a tombstone)")
        long version,

        @Schema(
                format = "date-time",
                description = "RFC 3339: the write's update time; for a tombstone, when it was deleted")
        String updatedAt,

        @Schema(description = "True for a tombstone: the article was deleted")
        boolean deleted) {}

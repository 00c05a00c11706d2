package dev.newsdesk.article.changes;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Changes oldest first, in commit order. {@code nextCursor} is never null: it is the position after
 * the last item, or the position asked for when there was nothing new, to poll with next time.
 */
@Schema(requiredProperties = {"items", "nextCursor"})
public record ChangePage(
        List<Change> items,

        @Schema(description = "Pass as since to continue; an empty page means the feed is caught up")
        String nextCursor) {}

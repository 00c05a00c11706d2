package dev.newsdesk.feed.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of article-service's change feed ({@code GET /api/changes}), oldest first, in commit order. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangePage(List<Change> items, String nextCursor) {

    public ChangePage {
        items = items == null ? List.of() : items;
    }

    /** One committed write: the article's state after it, or its tombstone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(long id, String slug, Long version, String updatedAt, boolean deleted) {}
}

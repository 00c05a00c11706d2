package dev.newsdesk.feed.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An entry of {@code /api/categories} or {@code /api/tags}; {@code displayName} is the name readers see. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NameCount(String name, String displayName, long count) {

    public String shownName() {
        return displayName == null || displayName.isBlank() ? name : displayName;
    }
}

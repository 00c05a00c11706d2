package dev.newsdesk.feed.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An entry of {@code /api/categories} or {@code /api/tags}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NameCount(String name, long count) {
}

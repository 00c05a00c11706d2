package dev.newsdesk.article.store;

/** A category or tag and how many articles carry it. */
public record NameCount(String name, long count) {
}

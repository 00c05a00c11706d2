package dev.newsdesk.article.store;

/** A category or tag and how many articles carry it (the API adds the name people see: SectionNames.Named). */
public record NameCount(String name, long count) {}

package dev.newsdesk.article.store;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category or tag and how many articles carry it. */
@Schema(requiredProperties = {"name", "count"})
public record NameCount(String name, long count) {}

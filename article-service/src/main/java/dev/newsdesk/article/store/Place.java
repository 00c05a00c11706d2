package dev.newsdesk.article.store;

import java.time.Instant;
import java.util.List;

/** Where a public article stands in its sections' listings: when it was published, and in which. */
public record Place(long id, Instant publishedAt, List<String> categories) {}

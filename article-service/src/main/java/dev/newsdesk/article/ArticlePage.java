package dev.newsdesk.article;

import java.util.List;

/** One page of a listing; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}

package dev.newsdesk.article.api;

import java.util.List;

public record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}

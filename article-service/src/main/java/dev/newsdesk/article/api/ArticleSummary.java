package dev.newsdesk.article.api;

import dev.newsdesk.article.store.ArticleEntity;

public record ArticleSummary(long id, String slug, String title, String publishedAt, String updatedAt, long version) {

    static ArticleSummary of(ArticleEntity e) {
        return new ArticleSummary(e.id, e.slug, e.title, e.publishedAt.toString(), e.updatedAt.toString(), e.version);
    }
}

package dev.newsdesk.article.store;

/**
 * Renders an article's public JSON as the write path stores it with every version. Implemented
 * where the JSON is made ({@code articles/}); the change log, which every write calls last, asks
 * for it, so no write can store an article without its fresh rendering.
 */
public interface ArticleRendering {

    StoredJson.Row render(ArticleEntity written);
}

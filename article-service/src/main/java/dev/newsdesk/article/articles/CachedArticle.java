package dev.newsdesk.article.articles;

/** The full article, its JSON bytes and its ETag: what the cache holds and GET answers with. */
public record CachedArticle(Article article, byte[] json, String etag) {}

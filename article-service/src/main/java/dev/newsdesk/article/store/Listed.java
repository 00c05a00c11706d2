package dev.newsdesk.article.store;

/** A listing's row: the article, and its search rank when the listing has {@code q} (else null). */
public record Listed(ArticleEntity article, Double rank) {}

package dev.newsdesk.article;

import java.util.List;

import dev.newsdesk.article.content.Source;

/** The body of {@code POST /api/articles} and {@code PUT /api/articles/{id}}. */
public record ArticleInput(String title, String bodyHtml, String publishedAt, List<String> categories,
        List<String> tags, Source source) {
}

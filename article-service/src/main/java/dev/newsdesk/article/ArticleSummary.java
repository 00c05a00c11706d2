package dev.newsdesk.article;

import java.util.List;

import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.content.Source;

/** A listing's item: the article without {@code bodyHtml} and {@code blocks}. */
public record ArticleSummary(long id, String slug, String title, String publishedAt, String updatedAt,
        List<String> categories, List<String> tags, Source source, String summary, List<GalleryImage> images,
        LeadImage leadImage, long version) {
}

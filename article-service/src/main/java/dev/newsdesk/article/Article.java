package dev.newsdesk.article;

import java.util.List;

import dev.newsdesk.article.content.Block;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.content.Source;

/** An article as the API returns it (the contract's field names; times RFC 3339 with seconds). */
public record Article(long id, String slug, String title, String publishedAt, String updatedAt, List<String> categories,
        List<String> tags, Source source, String summary, String bodyHtml, List<Block> blocks, List<GalleryImage> images,
        LeadImage leadImage, long version) {
}

package dev.newsdesk.feed.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** An article as {@code GET /api/articles/{id}} returns it, as far as feeds need it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
        long id,
        String slug,
        String title,
        String publishedAt,
        String updatedAt,
        List<String> categories,
        List<String> tags,
        Source source,
        String summary,
        String bodyHtml,
        List<Image> images,
        LeadImage leadImage,
        Long version) {

    public Article {
        categories = categories == null ? List.of() : categories;
        tags = tags == null ? List.of() : tags;
        images = images == null ? List.of() : images;
    }

    /** Where the article comes from; either part may be null. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String name, String url) {}

    /** A gallery image with its intrinsic size where known. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(String url, Integer width, Integer height) {}

    /**
     * The first gallery image: its origin {@code url} and intrinsic size, and {@code src}, the
     * signed image-service URL of a JPEG at a fixed width that article-service made for it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadImage(String url, Integer width, Integer height, String src) {}
}

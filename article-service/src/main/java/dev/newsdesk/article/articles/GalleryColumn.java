package dev.newsdesk.article.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.images.GalleryImage;
import java.util.List;

/**
 * The stored form of an article's gallery, the {@code images} column: a JSON array of
 * {@code {url, width, height}}, written and read by Jackson. Its own plain mapper rather than the
 * API's: the column's format must not change when the API's JSON settings do.
 */
final class GalleryColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<GalleryImage>> GALLERY = new TypeReference<>() {};

    private GalleryColumn() {}

    static String write(List<GalleryImage> gallery) {
        try {
            return JSON.writeValueAsString(gallery);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of gallery records always serializes", e);
        }
    }

    static List<GalleryImage> read(long articleId, String column) {
        try {
            return List.copyOf(JSON.readValue(column, GALLERY));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored gallery of article " + articleId + " is not JSON", e);
        }
    }
}

package dev.newsdesk.article.images;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The placeholders of one article's gallery by original URL, and their stored form (the
 * {@code image_placeholders} column: a JSON object written by its own plain mapper, so the column
 * does not change when the API's JSON settings do). Immutable.
 */
public record Placeholders(Map<String, Placeholder> byUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Placeholder>> MAP = new TypeReference<>() {};

    public Placeholders {
        byUrl = Map.copyOf(byUrl);
    }

    public static Placeholders read(String column) {
        try {
            return new Placeholders(JSON.readValue(column, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored placeholders are not JSON", e);
        }
    }

    public String write() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(byUrl));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of placeholder records always serializes", e);
        }
    }

    /** The placeholder of the image at {@code url}, or null while it is not measured. */
    public Placeholder of(String url) {
        return byUrl.get(url);
    }

    /** Only the entries {@code gallery} still shows: an edit that drops an image drops its placeholder. */
    public Placeholders keptFor(List<GalleryImage> gallery) {
        Map<String, Placeholder> kept = new LinkedHashMap<>();
        for (GalleryImage image : gallery) {
            Placeholder p = byUrl.get(image.url());
            if (p != null) {
                kept.put(image.url(), p);
            }
        }
        return new Placeholders(kept);
    }

    /** These plus {@code measured}, for the images {@code gallery} still shows. */
    public Placeholders with(Map<String, Placeholder> measured, List<GalleryImage> gallery) {
        Map<String, Placeholder> all = new LinkedHashMap<>(byUrl);
        all.putAll(measured);
        return new Placeholders(all).keptFor(gallery);
    }

    /** The gallery's URLs without a placeholder, each once, in gallery order. */
    public List<String> missing(List<GalleryImage> gallery) {
        return gallery.stream()
                .map(GalleryImage::url)
                .filter(url -> !byUrl.containsKey(url))
                .distinct()
                .toList();
    }
}

package dev.newsdesk.article.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.articles.Article;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org {@code NewsArticle} as JSON-LD for the article page (Google's article rich
 * results): headline, dates with their offsets, image, publisher. Serialized by Jackson, then
 * every {@code <} escaped so that no text of the article can close the script element.
 */
final class StructuredData {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Google shows at most 110 characters of a headline. */
    private static final int MAX_HEADLINE = 110;

    private StructuredData() {}

    static String newsArticle(Article a, String canonical, Site site) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("mainEntityOfPage", object("@type", "WebPage", "@id", canonical));
        ld.put(
                "headline",
                a.title().length() <= MAX_HEADLINE ? a.title() : a.title().substring(0, MAX_HEADLINE - 1) + "…");
        ld.put("datePublished", a.publishedAt());
        ld.put("dateModified", a.updatedAt());
        if (a.leadImage() != null) {
            ld.put("image", List.of(a.leadImage().src()));
        }
        if (a.summary() != null && !a.summary().isBlank()) {
            ld.put("description", a.summary());
        }
        if (!a.categories().isEmpty()) {
            ld.put("articleSection", site.sectionName(a.categories().get(0)));
        }
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags());
        }
        if (a.source() != null && a.source().name() != null) {
            ld.put("author", object("@type", "Organization", "name", a.source().name()));
        }
        if (a.source() != null && a.source().url() != null) {
            ld.put("isBasedOn", a.source().url());
        }
        ld.put("publisher", object("@type", "Organization", "name", Site.NAME, "url", site.home()));
        try {
            return JSON.writeValueAsString(ld).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Maps of strings always serialize", e);
        }
    }

    /**
     * A JSON object with its keys in the order given. {@code Map.of} iterates in an order that
     * changes from one JVM start to the next, so every replica wrote the same page with other
     * bytes, and so another ETag (the cluster test {@code SameAnswersTest} found it).
     */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            o.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return o;
    }
}

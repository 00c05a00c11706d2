package dev.newsdesk.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.config.ImageSigningConfig;
import dev.newsdesk.article.config.LinksConfig;
import dev.newsdesk.article.content.BodyRenderer;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.store.ArticleEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns stored articles into what clients get: the contract's JSON shapes, with signed image URLs. */
@ApplicationScoped
public class ArticleViews {

    private static final TypeReference<List<GalleryImage>> GALLERY = new TypeReference<>() {};

    private final ObjectMapper json;
    private final ImageUrls imageUrls;
    private final BodyRenderer renderer;

    ArticleViews(ObjectMapper json, LinksConfig links, ImageSigningConfig signing) {
        this.json = json;
        this.imageUrls =
                new ImageUrls(links.imageBase(), signing.imageSigningKey().orElse(null));
        this.renderer = new BodyRenderer(imageUrls);
    }

    /** The full article, its JSON bytes and its ETag: what the cache holds and GET answers with. */
    public record CachedArticle(Article article, byte[] json, String etag) {}

    public CachedArticle cached(ArticleEntity e) {
        Article article = full(e);
        try {
            return new CachedArticle(article, json.writeValueAsBytes(article), etagOf(e.id, e.version));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("An article record always serializes", ex);
        }
    }

    public Article full(ArticleEntity e) {
        List<GalleryImage> gallery = gallery(e);
        BodyRenderer.RenderedBody body = renderer.render(e.bodyHtml, gallery, e.title);
        return new Article(
                e.id,
                e.slug,
                e.title,
                Rfc3339.format(e.published()),
                Rfc3339.format(e.updatedAt),
                List.copyOf(e.categories),
                List.copyOf(e.tags),
                new Source(e.sourceName, e.sourceUrl),
                e.summary,
                body.html(),
                body.blocks(),
                gallery,
                lead(gallery),
                e.version);
    }

    public ArticleSummary summary(ArticleEntity e) {
        List<GalleryImage> gallery = gallery(e);
        return new ArticleSummary(
                e.id,
                e.slug,
                e.title,
                Rfc3339.format(e.published()),
                Rfc3339.format(e.updatedAt),
                List.copyOf(e.categories),
                List.copyOf(e.tags),
                new Source(e.sourceName, e.sourceUrl),
                e.summary,
                gallery,
                lead(gallery),
                e.version);
    }

    public byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("API records always serialize", ex);
        }
    }

    /** Strong, and changes with every version: {@code "id-version"}. */
    public static String etagOf(long id, long version) {
        return "\"" + id + "-" + version + "\"";
    }

    private List<GalleryImage> gallery(ArticleEntity e) {
        try {
            return List.copyOf(json.readValue(e.images, GALLERY));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored gallery of article " + e.id + " is not JSON", ex);
        }
    }

    private LeadImage lead(List<GalleryImage> gallery) {
        if (gallery.isEmpty()) {
            return null;
        }
        GalleryImage first = gallery.get(0);
        ImageUrls.Rendition r = imageUrls.render(first);
        return new LeadImage(first.url(), first.width(), first.height(), r.src(), r.srcset(), r.sources());
    }
}

package dev.newsdesk.article.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.content.BodyRenderer;
import dev.newsdesk.article.content.Rfc3339;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.images.Placeholders;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Turns stored articles into what clients get: the contract's JSON shapes, with signed image URLs. */
@ApplicationScoped
public class ArticleViews {

    private final ObjectMapper json;
    private final ImageUrls imageUrls;
    private final BodyRenderer renderer;

    ArticleViews(ObjectMapper json, ImageUrls imageUrls) {
        this.json = json;
        this.imageUrls = imageUrls;
        this.renderer = new BodyRenderer(imageUrls);
    }

    public CachedArticle cached(ArticleEntity e) {
        return CachedArticle.of(e.id, e.slug, e.version, e.visible, json(full(e)));
    }

    public Article full(ArticleEntity e) {
        List<GalleryImage> gallery = GalleryColumn.read(e.id, e.images);
        Placeholders placeholders = Placeholders.read(e.placeholders);
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
                PlaceholderViews.painted(body.blocks(), gallery, placeholders, imageUrls),
                gallery,
                lead(gallery, placeholders),
                e.version,
                Visibility.status(e));
    }

    public ArticleSummary summary(ArticleEntity e) {
        List<GalleryImage> gallery = GalleryColumn.read(e.id, e.images);
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
                lead(gallery, Placeholders.read(e.placeholders)),
                e.version,
                Visibility.status(e),
                null);
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

    private LeadImage lead(List<GalleryImage> gallery, Placeholders placeholders) {
        if (gallery.isEmpty()) {
            return null;
        }
        GalleryImage first = gallery.get(0);
        ImageUrls.Rendition r = imageUrls.render(first);
        return new LeadImage(
                first.url(),
                first.width(),
                first.height(),
                r.src(),
                r.srcset(),
                r.sources(),
                placeholders.of(first.url()));
    }
}

package dev.newsdesk.article.articles;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleRendering;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Each article's public JSON, rendered by the write path and read back as bytes: the change log
 * asks {@link #render} for every article a transaction writes, and a cache miss is {@link #load},
 * one primary-key read. The bytes also depend on things outside the row — the image base URL and
 * signing key (the signed URLs in {@code bodyHtml}, blocks and {@code leadImage}) and the JSON's
 * shape — so each row carries a {@link #fingerprint} of them; a row rendered under another one (a
 * rotated key, a new field) or stored before V32 is rendered again on read and stored.
 */
@ApplicationScoped
public class StoredArticles implements ArticleRendering {

    private final ArticleViews views;
    private final ObjectMapper json;
    private final StoredJson stored;
    private final ArticleStore store;
    private final String fingerprint;

    StoredArticles(ArticleViews views, ObjectMapper json, StoredJson stored, ArticleStore store, ImageUrls images) {
        this.views = views;
        this.json = json;
        this.stored = stored;
        this.store = store;
        this.fingerprint = fingerprint(images);
    }

    @Override
    public StoredJson.Row render(ArticleEntity e) {
        return new StoredJson.Row(e.id, e.slug, e.version, e.visible, fingerprint, views.json(views.full(e)));
    }

    /**
     * The article's stored JSON, rendered again (and stored) when missing, of another version
     * than the row, or of another fingerprint.
     */
    Optional<CachedArticle> load(long id) {
        Optional<StoredJson.Row> row = stored.byId(id);
        if (row.isPresent() && !fingerprint.equals(row.get().fingerprint())) {
            row = store.byId(id).map(this::render);
            row.ifPresent(stored::remember);
        }
        return row.map(r -> CachedArticle.of(r.id(), r.slug(), r.version(), r.visible(), r.json()));
    }

    Optional<Long> idOf(String slug) {
        return stored.idOf(slug);
    }

    Article article(CachedArticle cached) {
        try {
            return json.readValue(cached.json(), Article.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON of article " + cached.id() + " does not read back", e);
        }
    }

    /**
     * What the stored bytes depend on besides the row: a probe URL signed under the configured
     * base and key (so the key itself is never stored) and the record shape of {@link Article}
     * down to its leaves (a field added anywhere re-renders every article on its next read).
     */
    static String fingerprint(ImageUrls images) {
        StringBuilder what = new StringBuilder(images.url("https://fingerprint.invalid/probe.jpg", 1));
        shape(Article.class, what, new LinkedHashSet<>());
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void shape(Type type, StringBuilder out, Set<Type> seen) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                shape(argument, out, seen);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && seen.add(c)) {
            out.append('|').append(c.getName());
            for (RecordComponent component : c.getRecordComponents()) {
                out.append(' ')
                        .append(component.getName())
                        .append(':')
                        .append(component.getGenericType().getTypeName());
                shape(component.getGenericType(), out, seen);
            }
        }
    }
}

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
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each article's public JSON, rendered by the write path and read back as bytes: the change log
 * asks {@link #render} for every article a transaction writes, and a cache miss is {@link #load},
 * one primary-key read. Beside it, the article's listing item (its summary JSON): what other
 * articles' pages show of it. The bytes also depend on things outside the row — the image base URL and
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
        return new StoredJson.Row(
                e.id,
                e.slug,
                e.version,
                e.visible,
                fingerprint,
                views.json(views.full(e)),
                views.json(views.summary(e)));
    }

    /**
     * The article's stored JSON, rendered again (and stored) when missing, of another version
     * than the row, or of another fingerprint.
     */
    Optional<CachedArticle> load(long id) {
        return stored.byId(id).flatMap(this::current);
    }

    /**
     * The listing items of the public articles of {@code category} published just before
     * ({@code at}, {@code id}), newest first: one read of their stored items, each rendered again
     * (and stored) when missing or of another fingerprint, as {@link #load} does.
     */
    List<ArticleSummary> earlierIn(String category, Instant at, long id, int limit) {
        return stored.earlierIn(category, at, id, limit).stream()
                .map(row -> fingerprint.equals(row.fingerprint()) && row.summary() != null
                        ? Optional.of(row)
                        : rendered(row.id()))
                .flatMap(Optional::stream)
                .map(row -> read(row.id(), row.summary(), ArticleSummary.class))
                .toList();
    }

    /** The row as a cached article, rendered again (and stored) if it is not of this fingerprint. */
    private Optional<CachedArticle> current(StoredJson.Row stored) {
        Optional<StoredJson.Row> row =
                fingerprint.equals(stored.fingerprint()) ? Optional.of(stored) : rendered(stored.id());
        return row.map(r -> CachedArticle.of(r.id(), r.slug(), r.version(), r.visible(), r.json()));
    }

    /** The article rendered from its row now, and stored for the next reader. */
    private Optional<StoredJson.Row> rendered(long id) {
        Optional<StoredJson.Row> row = store.byId(id).map(this::render);
        row.ifPresent(stored::remember);
        return row;
    }

    Optional<Long> idOf(String slug) {
        return stored.idOf(slug);
    }

    Article article(CachedArticle cached) {
        return read(cached.id(), cached.json(), Article.class);
    }

    private <T> T read(long id, byte[] bytes, Class<T> type) {
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Stored JSON of article " + id + " does not read back", e);
        }
    }

    /**
     * What the stored bytes depend on besides the row: a probe URL signed under the configured
     * base and key (so the key itself is never stored) and the record shapes of {@link Article}
     * and {@link ArticleSummary} down to their leaves (a field added anywhere re-renders every article on its next read).
     */
    static String fingerprint(ImageUrls images) {
        StringBuilder what = new StringBuilder(images.url("https://fingerprint.invalid/probe.jpg", 1));
        shape(Article.class, what, new LinkedHashSet<>());
        shape(ArticleSummary.class, what, new LinkedHashSet<>());
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

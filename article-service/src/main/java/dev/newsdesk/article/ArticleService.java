package dev.newsdesk.article;

import dev.newsdesk.article.ArticleViews.CachedArticle;
import dev.newsdesk.article.changes.ChangeLog;
import dev.newsdesk.article.content.BodyCleaner;
import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.content.Summary;
import dev.newsdesk.article.content.XmlText;
import dev.newsdesk.article.importer.JekyllPostParser;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleQuery;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.NameCount;
import dev.newsdesk.http.EntityTags;
import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.StaleStateException;

/**
 * What the API and the pages do with articles: reads through the cache, writes in one
 * transaction per article followed by a cache update. Imports are {@link ArticleImporter}'s.
 */
@ApplicationScoped
public class ArticleService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final ArticleStore store;
    private final ArticleViews views;
    private final ArticleCache cache;
    private final ChangeLog changes;
    private final BodyCleaner cleaner = new BodyCleaner();

    ArticleService(ArticleStore store, ArticleViews views, ArticleCache cache, ChangeLog changes) {
        this.store = store;
        this.views = views;
        this.cache = cache;
        this.changes = changes;
    }

    // --- reads ---------------------------------------------------------------------------

    public CachedArticle byId(long id) {
        return cache.byId(id, () -> store.byId(id).map(views::cached))
                .orElseThrow(() -> ProblemException.notFound("No article with id " + id));
    }

    /** The article if the cache holds it: answering needs no thread that may block. */
    public Optional<CachedArticle> cached(long id) {
        return cache.peek(id);
    }

    public Optional<byte[]> cachedList(ListParams p) {
        return cache.peekList(p);
    }

    /** A listing as JSON bytes, through the short-lived listing cache. */
    public byte[] listJson(ListParams p) {
        return cache.list(p, () -> views.json(list(p)));
    }

    public CachedArticle bySlug(String slug) {
        Optional<Long> id = cache.idOf(slug);
        if (id.isEmpty()) {
            id = store.bySlug(slug).map(e -> e.id);
            id.ifPresent(found -> cache.rememberSlug(slug, found));
        }
        return id.flatMap(found -> cache.byId(found, () -> store.byId(found).map(views::cached)))
                .orElseThrow(() -> ProblemException.notFound("No article with slug " + slug));
    }

    public ArticlePage list(ListParams p) {
        int limit = limitOf(p.limit());
        Instant afterAt = null;
        Long afterId = null;
        if (p.cursor() != null && !p.cursor().isBlank()) {
            Cursor c = Cursor.decode(p.cursor());
            afterAt = c.publishedAt();
            afterId = c.id();
        }
        ArticleQuery query = new ArticleQuery(
                blankToNull(p.category()),
                blankToNull(p.tag()),
                blankToNull(p.source()),
                blankToNull(p.q()),
                instantOf("from", p.from(), false),
                instantOf("to", p.to(), true),
                afterAt,
                afterId,
                limit + 1);
        List<ArticleEntity> rows = store.list(query);
        boolean more = rows.size() > limit;
        List<ArticleEntity> page = more ? rows.subList(0, limit) : rows;
        ArticleEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new ArticlePage(
                page.stream().map(views::summary).toList(),
                more ? new Cursor(last.publishedAt, last.id).encode() : null);
    }

    public List<NameCount> categories() {
        return store.categoryCounts();
    }

    public List<NameCount> tags() {
        return store.tagCounts();
    }

    // --- writes --------------------------------------------------------------------------

    public CachedArticle create(ArticleInput input) {
        Valid v = validate(input);
        CleanBody body = cleaner.clean(input.bodyHtml(), false);
        ArticleEntity e = new ArticleEntity();
        apply(e, v, body, sourceOf(input.source(), body.source()));
        e.slug = store.uniqueSlug(v.published(), "api:" + UUID.randomUUID());
        e.updatedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            store.save(e);
            changes.record(List.of(e));
        });
        return cache.put(views.cached(e));
    }

    public CachedArticle update(long id, String ifMatch, ArticleInput input) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "precondition-required",
                    "Precondition required",
                    "Updates need an If-Match header with the article's current ETag",
                    null);
        }
        Valid v = validate(input);
        CleanBody body = cleaner.clean(input.bodyHtml(), false);
        ArticleEntity updated;
        try {
            updated = QuarkusTransaction.requiringNew().call(() -> {
                ArticleEntity e =
                        store.byId(id).orElseThrow(() -> ProblemException.notFound("No article with id " + id));
                if (!EntityTags.matchesStrongly(ifMatch, ArticleViews.etagOf(e.id, e.version))) {
                    throw stale(id);
                }
                apply(e, v, body, sourceOf(input.source(), body.source()));
                e.updatedAt = Instant.now();
                store.flush(e);
                changes.record(List.of(e));
                return e;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
                throw stale(id); // another writer got in between our read and our commit
            }
            throw e;
        }
        cache.invalidate(id);
        return cache.put(views.cached(updated));
    }

    public void delete(long id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            Optional<ArticleEntity> gone = store.byId(id);
            gone.ifPresent(e -> changes.recordDeletion(List.of(e)));
            return store.delete(id);
        });
        cache.invalidate(id);
        if (!deleted) {
            throw ProblemException.notFound("No article with id " + id);
        }
    }

    // --- validation ----------------------------------------------------------------------

    record Valid(String title, OffsetDateTime published, List<String> categories, List<String> tags) {}

    private static Valid validate(ArticleInput in) {
        if (in == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new Problem.FieldError("title", "is required"));
        } else if (in.title().length() > JekyllPostParser.MAX_TITLE_CHARS) {
            errors.add(new Problem.FieldError(
                    "title", "is longer than " + JekyllPostParser.MAX_TITLE_CHARS + " characters"));
        }
        OffsetDateTime published = null;
        if (in.publishedAt() == null || in.publishedAt().isBlank()) {
            errors.add(new Problem.FieldError("publishedAt", "is required"));
        } else {
            try {
                published = OffsetDateTime.parse(in.publishedAt().strip());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(
                        "publishedAt", "must be RFC 3339 with an offset, e.g. 2024-03-05T09:30:00+08:00"));
            }
        }
        if (in.bodyHtml() != null
                && in.bodyHtml().getBytes(StandardCharsets.UTF_8).length > JekyllPostParser.MAX_POST_BYTES) {
            errors.add(new Problem.FieldError("bodyHtml", "is larger than 1 MiB"));
        }
        List<String> categories = names("categories", in.categories(), errors);
        List<String> tags = names("tags", in.tags(), errors);
        if (in.source() != null
                && in.source().url() != null
                && !in.source().url().matches("(?i)https?://\\S+")) {
            errors.add(new Problem.FieldError("source.url", "must be an http(s) URL"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.stream()
                            .map(f -> f.field() + " " + f.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    errors);
        }
        return new Valid(XmlText.legal(in.title().strip()), published, categories, tags);
    }

    private static List<String> names(String field, List<String> given, List<Problem.FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : given) {
            if (name == null || name.isBlank() || name.length() > 100) {
                errors.add(new Problem.FieldError(field, "names must be 1 to 100 characters"));
                return List.of();
            }
            names.add(XmlText.legal(name.strip()));
        }
        return names.stream().distinct().toList();
    }

    static void apply(ArticleEntity e, Valid v, CleanBody body, Source source) {
        e.title = v.title();
        e.published(v.published());
        e.categories.clear();
        e.categories.addAll(v.categories());
        e.tags.clear();
        e.tags.addAll(v.tags());
        e.bodyHtml = body.html();
        e.images = galleryJson(body);
        e.sourceName = source.name();
        e.sourceUrl = source.url();
        e.summary = Summary.of(body.text());
        e.searchText = (v.title() + "\n" + body.text()).toLowerCase(Locale.ROOT);
    }

    private static String galleryJson(CleanBody body) {
        StringBuilder json = new StringBuilder("[");
        for (var image : body.images()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"url\":")
                    .append(quote(image.url()))
                    .append(",\"width\":")
                    .append(image.width())
                    .append(",\"height\":")
                    .append(image.height())
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static Source sourceOf(Source given, Source found) {
        if (given != null && (given.name() != null || given.url() != null)) {
            return new Source(
                    given.name() == null ? null : XmlText.legal(given.name().strip()), given.url());
        }
        return found;
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException stale(long id) {
        return new ProblemException(
                412,
                "precondition-failed",
                "Precondition failed",
                "Article " + id + " has changed since that ETag; fetch it again and retry",
                null);
    }

    private static int limitOf(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** RFC 3339, or a bare date: the start of that day (UTC) for {@code from}, its end for {@code to}. */
    private static Instant instantOf(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1).atStartOfDay().minusNanos(1) : day.atStartOfDay())
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalidField(
                        field, "must be RFC 3339 (2024-03-05T09:30:00+08:00) or a date (2024-03-05)");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The keyset position after a page's last item, opaque to clients (base64url of "epochSecond.nano.id"). */
    record Cursor(Instant publishedAt, long id) {

        String encode() {
            String raw = publishedAt.getEpochSecond() + "." + publishedAt.getNano() + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII)
                        .split("\\.");
                if (parts.length == 3) {
                    return new Cursor(
                            Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                            Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                // falls through: any malformed cursor gets the same answer
            }
            throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
        }
    }
}

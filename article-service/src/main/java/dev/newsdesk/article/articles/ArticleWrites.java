package dev.newsdesk.article.articles;

import dev.newsdesk.article.changes.ChangeLog;
import dev.newsdesk.article.content.BodyCleaner;
import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.Placeholder;
import dev.newsdesk.article.images.Placeholders;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.WriteConflicts;
import dev.newsdesk.http.EntityTags;
import dev.newsdesk.http.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API's writes: each in one transaction that also records the change (see {@link ChangeLog}),
 * then a cache update, so this instance reads its own write at once. Imports are the importer's.
 */
@ApplicationScoped
public class ArticleWrites {

    private final ArticleStore store;
    private final ArticleViews views;
    private final ArticleCache cache;
    private final ChangeLog changes;
    private final BodyCleaner cleaner = new BodyCleaner();

    ArticleWrites(ArticleStore store, ArticleViews views, ArticleCache cache, ChangeLog changes) {
        this.store = store;
        this.views = views;
        this.cache = cache;
        this.changes = changes;
    }

    public CachedArticle create(ArticleInput input) {
        ArticleDraft draft = ArticleValidator.draft(input);
        CleanBody body = cleaner.clean(input.bodyHtml(), false);
        ArticleEntity e = new ArticleEntity();
        e.draft = draft.draft();
        ArticleMapping.apply(e, draft, body, ArticleMapping.sourceOf(input.source(), body.source()));
        e.slug = store.uniqueSlug(draft.published(), "api:" + UUID.randomUUID());
        e.updatedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            store.save(e);
            changes.record(List.of(e));
        });
        return cache.put(views.cached(e));
    }

    /** Replaces the article if {@code ifMatch} names its current version (RFC 9110: a strong comparison). */
    public CachedArticle update(long id, String ifMatch, ArticleInput input) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.of(428, "Updates need an If-Match header with the article's current ETag");
        }
        ArticleDraft draft = ArticleValidator.draft(input);
        CleanBody body = cleaner.clean(input.bodyHtml(), false);
        ArticleEntity updated;
        try {
            updated = QuarkusTransaction.requiringNew().call(() -> {
                ArticleEntity e =
                        store.byId(id).orElseThrow(() -> ProblemException.notFound("No article with id " + id));
                if (!EntityTags.matchesStrongly(ifMatch, ArticleViews.etagOf(e.id, e.version))) {
                    throw stale(id);
                }
                e.draft = draft.draft();
                ArticleMapping.apply(e, draft, body, ArticleMapping.sourceOf(input.source(), body.source()));
                e.updatedAt = Instant.now();
                store.flush(e);
                changes.record(List.of(e));
                return e;
            });
        } catch (RuntimeException e) {
            if (WriteConflicts.staleVersion(e)) {
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

    /**
     * Publishes the scheduled articles whose instant has come: each becomes visible with a new
     * version and update time, and its change is recorded now, so it enters the change feed (and
     * the webhook outbox, as {@code article.published}) at this commit, in commit order. Rows
     * another replica holds are skipped, so each article is published once. Returns how many.
     */
    public int publishDue(int limit) {
        List<ArticleEntity> published = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            List<ArticleEntity> due = store.dueForPublication(now, limit);
            for (ArticleEntity e : due) {
                e.visible = true;
                e.updatedAt = now;
            }
            if (!due.isEmpty()) {
                changes.record(due);
            }
            return due;
        });
        published.forEach(e -> cache.invalidate(e.id));
        return published.size();
    }

    /** The gallery images of article {@code id} that still lack a placeholder (none when it is gone). */
    public List<String> imagesToMeasure(long id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> store.byId(id)
                        .map(e -> Placeholders.read(e.placeholders).missing(GalleryColumn.read(e.id, e.images)))
                        .orElse(List.of()));
    }

    /**
     * Measured placeholders arrive like any other write: a new version, a change entry, the caches
     * (and through them pages and feeds) follow. {@code unmeasurable} images (image-service says it
     * never can) no longer keep the article pending. False when nothing changed or the article is
     * gone; an edit committed meanwhile fails this write (optimistic version), to be tried again.
     */
    public boolean placeholdersMeasured(long id, Map<String, Placeholder> measured, Set<String> unmeasurable) {
        ArticleEntity written = QuarkusTransaction.requiringNew().call(() -> {
            ArticleEntity e = store.byId(id).orElse(null);
            if (e == null) {
                return null;
            }
            List<GalleryImage> gallery = GalleryColumn.read(e.id, e.images);
            Placeholders before = Placeholders.read(e.placeholders);
            Placeholders after = before.with(measured, gallery);
            boolean pending = !unmeasurable.containsAll(after.missing(gallery));
            if (after.equals(before) && pending == e.placeholdersPending) {
                return null;
            }
            e.placeholders = after.write();
            e.placeholdersPending = pending;
            e.updatedAt = Instant.now();
            store.flush(e);
            changes.record(List.of(e));
            return e;
        });
        if (written == null) {
            return false;
        }
        cache.invalidate(id);
        cache.put(views.cached(written));
        return true;
    }

    private static ProblemException stale(long id) {
        return ProblemException.of(412, "Article " + id + " has changed since that ETag; fetch it again and retry");
    }
}

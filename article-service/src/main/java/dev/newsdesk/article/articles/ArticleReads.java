package dev.newsdesk.article.articles;

import dev.newsdesk.article.search.Highlight;
import dev.newsdesk.article.search.SearchPlan;
import dev.newsdesk.article.store.ArticleQuery;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.Listed;
import dev.newsdesk.article.store.NameCount;
import dev.newsdesk.article.store.Place;
import dev.newsdesk.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the API and the pages read: an article through the cache (a hot article costs no database
 * round trip), listings newest first with keyset paging, and the category and tag counts. Only
 * what the public sees ({@code store.Visibility}), unless a caller with a token asks by id or
 * lists drafts or scheduled articles.
 */
@ApplicationScoped
public class ArticleReads {

    private final ArticleStore store;
    private final ArticleViews views;
    private final ArticleCache cache;
    private final StoredArticles stored;

    ArticleReads(ArticleStore store, ArticleViews views, ArticleCache cache, StoredArticles stored) {
        this.store = store;
        this.views = views;
        this.cache = cache;
        this.stored = stored;
    }

    /**
     * From the cache, else one primary-key read of the JSON the write path stored; an article the
     * public does not see only for a caller with a token ({@code privileged}).
     */
    public CachedArticle byId(long id, boolean privileged) {
        return cache.byId(id, true, () -> stored.load(id))
                .filter(a -> privileged || a.visible())
                .orElseThrow(() -> ProblemException.notFound("No article with id " + id));
    }

    /** A public article if the cache holds it: answering needs no thread that may block. */
    public Optional<CachedArticle> cached(long id) {
        return cache.peek(id).filter(a -> a.visible());
    }

    /** A public article's file on this replica's disk, for one the memory tier does not hold. */
    public Optional<ArticleFiles.OnDisk> onDisk(long id) {
        return cache.peekFile(id);
    }

    public Optional<byte[]> cachedList(ListParams p) {
        return cache.peekList(p);
    }

    /** A listing as JSON bytes, through the short-lived listing cache. */
    public byte[] listJson(ListParams p) {
        return cache.list(p, () -> views.json(list(p)));
    }

    /** A public article by slug (editors find drafts by id). */
    public CachedArticle bySlug(String slug) {
        Optional<Long> id = cache.idOf(slug);
        if (id.isEmpty()) {
            id = stored.idOf(slug);
            id.ifPresent(found -> cache.rememberSlug(slug, found));
        }
        return id.flatMap(found -> cache.byId(found, false, () -> stored.load(found)))
                .filter(a -> a.visible())
                .orElseThrow(() -> ProblemException.notFound("No article with slug " + slug));
    }

    /** The article behind a slug as a record, for the page: read back from its JSON bytes. */
    public Article articleBySlug(String slug) {
        return stored.article(bySlug(slug));
    }

    /**
     * The {@code limit} public articles of {@code category} published just before
     * ({@code at}, {@code id}), newest first, as listing items read back from their stored items'
     * JSON: one round trip for the category's index read and the items, no entity loaded. For the
     * related articles of a page, which a page miss reads each time.
     */
    public List<ArticleSummary> earlierIn(String category, Instant at, long id, int limit) {
        return stored.earlierIn(category, at, id, limit);
    }

    public ArticlePage list(ListParams p) {
        ArticleQuery query = ArticleValidator.query(p);
        int limit = query.limit();
        // One row more than the page: whether it comes back says whether there is a next page.
        List<Listed> rows = store.list(query.withLimit(limit + 1));
        boolean more = rows.size() > limit;
        List<Listed> page = more ? rows.subList(0, limit) : rows;
        Listed last = page.isEmpty() ? null : page.getLast();
        String needle =
                query.text() == null ? null : SearchPlan.of(query.text()).needle();
        return new ArticlePage(
                page.stream()
                        .map(l -> needle == null
                                ? views.summary(l.article())
                                : views.summary(l.article())
                                        .withHighlight(Highlight.of(l.article().searchText, needle)))
                        .toList(),
                more ? new ListCursor(last.article().publishedAt, last.article().id, last.rank()).encode() : null);
    }

    public List<NameCount> categories() {
        return store.categoryCounts();
    }

    /** Where these articles stand among public ones (those the public does not see are left out). */
    public List<Place> places(Collection<Long> ids) {
        return store.places(ids);
    }

    /** The categories of the newest {@code sample} public articles, most used first. */
    public List<NameCount> recentCategories(int sample) {
        return store.recentCategoryCounts(sample);
    }

    public List<NameCount> tags() {
        return store.tagCounts();
    }
}

package dev.newsdesk.article.store;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.query.SelectionQuery;


/** The queries over articles. Callers own the transaction for writes (one per article). */
@ApplicationScoped
public class ArticleStore {

    private final Database db;

    ArticleStore(Database db) {
        this.db = db;
    }

    /** Newest first (publishedAt, then id, both descending), after the cursor's position. */
    @Transactional
    public List<ArticleEntity> list(ArticleQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q.category() != null) {
            where.append(" and :category member of a.categories");
            params.put("category", q.category());
        }
        if (q.tag() != null) {
            where.append(" and :tag member of a.tags");
            params.put("tag", q.tag());
        }
        if (q.source() != null) {
            where.append(" and a.sourceName = :source");
            params.put("source", q.source());
        }
        if (q.text() != null) {
            // search_text is stored lower-cased; the pg_trgm index serves this LIKE on PostgreSQL.
            where.append(" and a.searchText like :text escape '!'");
            params.put("text", "%" + escapeLike(q.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (q.from() != null) {
            where.append(" and a.publishedAt >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and a.publishedAt <= :to");
            params.put("to", q.to());
        }
        if (q.afterPublishedAt() != null) {
            where.append(" and (a.publishedAt < :afterAt or (a.publishedAt = :afterAt and a.id < :afterId))");
            params.put("afterAt", q.afterPublishedAt());
            params.put("afterId", q.afterId());
        }
        SelectionQuery<ArticleEntity> query = db.session().createSelectionQuery(
                "from ArticleEntity a" + where + " order by a.publishedAt desc, a.id desc", ArticleEntity.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList();
    }

    @Transactional
    public Optional<ArticleEntity> byId(long id) {
        return Optional.ofNullable(db.session().find(ArticleEntity.class, id));
    }

    @Transactional
    public Optional<ArticleEntity> bySlug(String slug) {
        return db.session().createSelectionQuery("from ArticleEntity where slug = :slug", ArticleEntity.class)
                .setParameter("slug", slug).uniqueResultOptional();
    }

    /** The articles with these import keys, by key; one query for a whole import chunk. */
    @Transactional
    public Map<String, ArticleEntity> byImportKeys(Collection<String> keys) {
        Map<String, ArticleEntity> found = new HashMap<>();
        if (!keys.isEmpty()) {
            db.session().createSelectionQuery("from ArticleEntity where importKey in :keys", ArticleEntity.class)
                    .setParameter("keys", keys).getResultList().forEach(e -> found.put(e.importKey, e));
        }
        return found;
    }

    /** Which of these slugs are in use (a mutable set, for the caller to add to). */
    @Transactional
    public Set<String> takenSlugs(Collection<String> slugs) {
        Set<String> taken = new HashSet<>();
        if (!slugs.isEmpty()) {
            taken.addAll(db.session().createSelectionQuery("select slug from ArticleEntity where slug in :slugs", String.class)
                    .setParameter("slugs", slugs).getResultList());
        }
        return taken;
    }

    @Transactional
    public boolean slugTaken(String slug) {
        return !takenSlugs(List.of(slug)).isEmpty();
    }

    /** A free slug for a new article: the date and ever more of the identity's hash. */
    @Transactional
    public String uniqueSlug(OffsetDateTime published, String identity) {
        for (int chars : new int[] {8, 12, 16}) {
            String slug = Slugs.derived(published, identity, chars);
            if (!slugTaken(slug)) {
                return slug;
            }
        }
        return Slugs.derived(published, identity, 64);
    }

    @Transactional
    public ArticleEntity save(ArticleEntity article) {
        if (article.updatedAt == null) {
            article.updatedAt = java.time.Instant.now();
        }
        if (article.publishedAt == null) {
            article.published(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
        }
        db.session().persist(article);
        return article;
    }

    /**
     * Lets this transaction commit without waiting for PostgreSQL's WAL flush. Used for imports:
     * one transaction per post is what keeps a bad post from leaving half an article, and a
     * flush per post would cap a bulk import at the disk's sync rate. The commit stays atomic;
     * a server crash may lose the last fraction of a second of imported posts, which re-running
     * the (idempotent) import restores. Nothing to do on H2.
     */
    public void commitWithoutWaitingForDisk() {
        if (db.isPostgres()) {
            db.session().createNativeMutationQuery("set local synchronous_commit = off").executeUpdate();
        }
    }

    /** Applies an update to a managed article and flushes, so the new version is known on return. */
    @Transactional
    public ArticleEntity flush(ArticleEntity article) {
        db.session().flush();
        return article;
    }

    /** Writes what this transaction changed, so a constraint violation surfaces before the commit. */
    @Transactional
    public void flush() {
        db.session().flush();
    }

    @Transactional
    public boolean delete(long id) {
        ArticleEntity article = db.session().find(ArticleEntity.class, id);
        if (article == null) {
            return false;
        }
        db.session().remove(article);
        return true;
    }

    @Transactional
    public List<NameCount> categoryCounts() {
        return counts("categories");
    }

    @Transactional
    public List<NameCount> tagCounts() {
        return counts("tags");
    }

    private List<NameCount> counts(String collection) {
        List<Object[]> rows = db.session().createSelectionQuery(
                "select n, count(a) from ArticleEntity a join a." + collection + " n group by n order by count(a) desc, n",
                Object[].class).getResultList();
        List<NameCount> counts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            counts.add(new NameCount((String) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

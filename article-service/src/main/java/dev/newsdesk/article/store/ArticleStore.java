package dev.newsdesk.article.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The queries over articles, a Panache repository: the entity stays a plain mapped class and the
 * domain takes this bean by constructor, so it can be given another in a test. Callers own the
 * transaction for writes (one per article, or one per import chunk).
 */
@ApplicationScoped
public class ArticleStore implements PanacheRepository<ArticleEntity> {

    /** Newest first (publishedAt, then id, both descending), after the cursor's position. */
    @Transactional
    public List<ArticleEntity> list(ArticleQuery q) {
        StringBuilder where = new StringBuilder(" where " + Visibility.predicate(q.status()));
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
            // search_text is stored lower-cased; the pg_trgm index serves this LIKE (see V2).
            where.append(" and a.searchText like :text escape '!'");
            params.put("text", "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%");
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
        SelectionQuery<ArticleEntity> query = session()
                .createSelectionQuery(
                        "from ArticleEntity a" + where + " order by a.publishedAt desc, a.id desc",
                        ArticleEntity.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList();
    }

    @Transactional
    public Optional<ArticleEntity> byId(long id) {
        return findByIdOptional(id);
    }

    @Transactional
    public Optional<ArticleEntity> bySlug(String slug) {
        return find("slug", slug).singleResultOptional();
    }

    /** The articles with these import keys, by key; one query for a whole import chunk. */
    @Transactional
    public Map<String, ArticleEntity> byImportKeys(Collection<String> keys) {
        Map<String, ArticleEntity> found = new HashMap<>();
        if (!keys.isEmpty()) {
            list("importKey in ?1", keys).forEach(e -> found.put(e.importKey, e));
        }
        return found;
    }

    /** Which of these slugs are in use (a mutable set, for the caller to add to). */
    @Transactional
    public Set<String> takenSlugs(Collection<String> slugs) {
        Set<String> taken = new HashSet<>();
        if (!slugs.isEmpty()) {
            taken.addAll(session()
                    .createSelectionQuery("select slug from ArticleEntity where slug in :slugs", String.class)
                    .setParameter("slugs", slugs)
                    .getResultList());
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
            article.updatedAt = Instant.now();
        }
        if (article.publishedAt == null) {
            article.published(OffsetDateTime.now(ZoneOffset.UTC));
        }
        persist(article);
        return article;
    }

    /** Applies an update to a managed article and flushes, so the new version is known on return. */
    @Transactional
    public ArticleEntity flush(ArticleEntity article) {
        getEntityManager().flush();
        return article;
    }

    /**
     * Up to {@code limit} articles whose publication instant has come but that the public does
     * not see yet, locked for this transaction. Rows another replica is publishing are skipped, so
     * each article is published by one replica.
     */
    @Transactional
    public List<ArticleEntity> dueForPublication(Instant now, int limit) {
        List<Long> ids = session()
                .createNativeQuery(
                        "select id from article where not visible and not draft and published_at <= :now"
                                + " order by published_at, id limit :limit for update skip locked",
                        Long.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return ids.isEmpty()
                ? List.of()
                : list("id in ?1", Sort.by("publishedAt").and("id"), ids);
    }

    @Transactional
    public boolean delete(long id) {
        return deleteById(id);
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
        List<Object[]> rows = session()
                .createSelectionQuery(
                        "select n, count(a) from ArticleEntity a join a." + collection + " n where " + Visibility.PUBLIC
                                + " group by n order by count(a) desc, n",
                        Object[].class)
                .getResultList();
        List<NameCount> counts = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            counts.add(new NameCount((String) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

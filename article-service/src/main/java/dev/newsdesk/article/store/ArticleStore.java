package dev.newsdesk.article.store;

import dev.newsdesk.article.search.SearchRank;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * The queries over articles, a Panache repository: the entity stays a plain mapped class and the
 * domain takes this bean by constructor, so it can be given another in a test. Callers own the
 * transaction for writes (one per article, or one per import chunk).
 */
@ApplicationScoped
public class ArticleStore implements PanacheRepository<ArticleEntity> {

    /**
     * One listing page in order: newest first, or with {@code q} by rank (see {@link ListingSql}),
     * after the cursor's position. The ids come from an index-ordered top-N query, or the search's
     * reads; the rows are then loaded by primary key.
     */
    @Transactional
    public List<Listed> list(ArticleQuery q) {
        List<Object[]> rows = q.text() == null ? rows(ListingSql.of(q)) : searchRows(q);
        List<Long> ids = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
        List<ArticleEntity> articles =
                session().byMultipleIds(ArticleEntity.class).multiLoad(ids);
        List<Listed> listed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (articles.get(i) != null) { // deleted between the two reads
                Object rank = rows.get(i)[1];
                listed.add(new Listed(articles.get(i), rank == null ? null : ((Number) rank).doubleValue()));
            }
        }
        return listed;
    }

    /**
     * A search page's (id, rank) rows. First how far back its {@code limit} newest matches reach,
     * looked for in widening windows back from the newest article (or from the newest date the
     * cursor's rank allows); then the rank of only the matches {@link SearchRank#reach} leaves in
     * reach of the page. A common word reads about a week of matches; a rare one, all of its few.
     */
    private List<Object[]> searchRows(ArticleQuery q) {
        // A search's best plan depends on how common its words are and how wide its window is,
        // which a generic plan of the prepared statement cannot know: plan each execution.
        session()
                .createNativeMutationQuery("set local plan_cache_mode = force_custom_plan")
                .executeUpdate();
        Instant until = q.afterRank() == null ? null : SearchRank.newestBelow(q.afterRank());
        Instant top = until != null ? until : instant(ListingSql.newestPublished(q));
        if (top == null) {
            return List.of(); // nothing of this status at all
        }
        Instant nth = null;
        int window = 0;
        while (nth == null && window <= SearchRank.WINDOWS.size()) {
            Instant since = window < SearchRank.WINDOWS.size() ? top.minus(SearchRank.WINDOWS.get(window)) : null;
            nth = instant(ListingSql.nthNewestMatch(q, q.limit(), since, until));
            window++;
        }
        if (nth == null) {
            return rows(ListingSql.ranked(q, null, until, true)); // fewer matches than the page
        }
        boolean dense = window == 1 && mostMatch(q.limit(), nth, until);
        return rows(ListingSql.ranked(q, SearchRank.reach(nth), until, !dense));
    }

    /**
     * Whether {@code matches} found since {@code since} are at least a quarter of the articles
     * published since then: a word in most articles, whose window is cheaper read by date.
     */
    private boolean mostMatch(int matches, Instant since, Instant until) {
        ListingSql.Built built = ListingSql.rowsPublished(since, until);
        var query = session().createNativeQuery(built.sql(), Long.class);
        built.params().forEach(query::setParameter);
        return matches * 4L >= query.getSingleResult();
    }

    private List<Object[]> rows(ListingSql.Built built) {
        var query = session().createNativeQuery(built.sql(), Object[].class);
        built.params().forEach(query::setParameter);
        return query.getResultList();
    }

    /** The first column of the first row as an instant; null without a row or for SQL null. */
    private Instant instant(ListingSql.Built built) {
        List<Object[]> found = rows(built);
        Object value = found.isEmpty() ? null : found.getFirst()[0];
        return value == null ? null : timestamp(value);
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

    /**
     * Where each of these articles stands, if the public sees it and it has a category: one read
     * of the category rows by primary key, without the article's bytes.
     */
    @Transactional
    public List<Place> places(Collection<Long> ids) {
        List<Object[]> rows = session()
                .createNativeQuery(
                        "select a.id, a.published_at, c.name from article a"
                                + " join article_category c on c.article_id = a.id"
                                + " where a.id in (:ids) and " + Visibility.PUBLIC
                                + " order by a.id, c.position",
                        Object[].class)
                .setParameterList("ids", ids)
                .getResultList();
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < rows.size(); ) {
            long id = ((Number) rows.get(i)[0]).longValue();
            Instant published = timestamp(rows.get(i)[1]);
            List<String> categories = new ArrayList<>();
            for (; i < rows.size() && ((Number) rows.get(i)[0]).longValue() == id; i++) {
                categories.add((String) rows.get(i)[2]);
            }
            places.add(new Place(id, published, categories));
        }
        return places;
    }

    /** A timestamp column's value as the driver returns it, as an instant. */
    private static Instant timestamp(Object timestamp) {
        return switch (timestamp) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Not a timestamp: " + timestamp.getClass());
        };
    }

    /**
     * The categories of the newest {@code sample} public articles, most used first (then by name):
     * what the site is writing about now, read top-N from {@code article_newest} and the category
     * rows of those articles, so its cost does not grow with the archive.
     */
    @Transactional
    public List<NameCount> recentCategoryCounts(int sample) {
        List<Object[]> rows = session()
                .createNativeQuery(
                        "select c.name, count(*) from (select a.id from article a where " + Visibility.PUBLIC
                                + " order by a.published_at desc, a.id desc limit :sample) r"
                                // one index probe per article ("offset 0" keeps the planner from
                                // hashing every category row instead: 89 ms against 9 at 100,000)
                                + " cross join lateral (select n.name from article_category n"
                                + " where n.article_id = r.id offset 0) c"
                                + " group by c.name order by count(*) desc, c.name",
                        Object[].class)
                .setParameter("sample", sample)
                .getResultList();
        return rows.stream()
                .map(row -> new NameCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
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

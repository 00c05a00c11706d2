package dev.newsdesk.article.store;

import dev.newsdesk.article.search.SearchPlan;
import dev.newsdesk.article.search.SearchRank;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The SQL of a listing page: the ids (and, with {@code q}, the ranks) of the rows to show, in
 * order, read top-N from an index.
 *
 * <ul>
 *   <li>Newest first: by category or tag from {@code article_category}/{@code article_tag}
 *       ({@code name, published_at desc, article_id desc}), by source from
 *       {@code article_source_newest}, else {@code article_newest}; the other filters are checked
 *       on the rows met in that order.
 *   <li>With {@code q}: the candidates from the bigram or trigram index (see {@link SearchPlan}),
 *       kept only if the search text contains the query, ordered by {@link SearchRank}, then
 *       newest. {@link ArticleStore} reads a search in two steps, both confined to a date window:
 *       {@link #nthNewestMatch} finds how far back the page's matches reach, {@link #ranked} ranks
 *       only the matches the rank's bound leaves in reach.
 * </ul>
 */
final class ListingSql {

    /** The rank of a row of {@link #MATCHES}, from its title flag, mention count and date. */
    private static final String RANK = "(case when m.in_title then " + SearchRank.TITLE_POINTS + " else 0 end"
            + " + ln(1 + least(" + SearchRank.MENTION_CAP + ", m.mentions)) / ln(cast(2 as float8))"
            + " + cast(extract(epoch from m.published_at) as float8) / " + SearchRank.SECONDS_PER_POINT + ")";

    /**
     * What a ranked row needs from the article, each computed once: whether the title holds the
     * query (the search text begins with the lower-cased title) and how many times title and body
     * do ({@code replace} removes every occurrence; counting bytes needs no pass over characters).
     */
    private static final String MATCHES = "select a.id, a.published_at,"
            + " strpos(left(a.search_text, length(a.title)), :needle) > 0 as in_title,"
            + " cast(octet_length(a.search_text) - octet_length(replace(a.search_text, :needle, '')) as float8)"
            + " / octet_length(:needle) as mentions from article a";

    record Built(String sql, Map<String, Object> params) {}

    private ListingSql() {}

    static Built of(ArticleQuery q) {
        Map<String, Object> params = new HashMap<>();
        Driver d = Driver.of(q);
        StringBuilder where = filters(q, d, params);
        if (q.afterPublishedAt() != null) {
            where.append(" and (" + d.alias() + ".published_at, " + d.key() + ") < (:afterAt, :afterId)");
            params.put("afterAt", q.afterPublishedAt());
            params.put("afterId", q.afterId());
        }
        params.put("limit", q.limit());
        return new Built(
                "select " + d.key() + ", null from " + d.from() + where + " order by " + d.alias()
                        + ".published_at desc, " + d.key() + " desc limit :limit",
                params);
    }

    /**
     * The rows a listing reads in order: without {@code q}, a category's or tag's own rows
     * ({@code k}, {@code name, published_at desc, article_id desc}) when it names one, else the
     * articles ({@code a}); with {@code q} always the articles, every filter checked on them.
     *
     * @param table the category or tag table read in order, or null
     */
    private record Driver(String table) {

        static Driver of(ArticleQuery q) {
            if (q.text() != null) {
                return new Driver(null);
            }
            return new Driver(q.category() != null ? "article_category" : q.tag() != null ? "article_tag" : null);
        }

        String from() {
            return table == null ? "article a" : table + " k join article a on a.id = k.article_id";
        }

        String alias() {
            return table == null ? "a" : "k";
        }

        /** The article id column of the driving rows: the keyset's tie-breaker. */
        String key() {
            return table == null ? "a.id" : "k.article_id";
        }
    }

    /** The filters of a listing: the status, and category, tag, source and dates. */
    private static StringBuilder filters(ArticleQuery q, Driver d, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(Visibility.predicate(q.status()));
        nameFilter(where, params, "category", q.category(), "article_category", d);
        nameFilter(where, params, "tag", q.tag(), "article_tag", d);
        if (q.source() != null) {
            where.append(" and a.source_name = :source");
            params.put("source", q.source());
        }
        if (q.from() != null) {
            where.append(" and ").append(d.alias()).append(".published_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and ").append(d.alias()).append(".published_at <= :to");
            params.put("to", q.to());
        }
        return where;
    }

    /** A category or tag filter: on the rows read in order when they are its table's, else a semi-join. */
    private static void nameFilter(
            StringBuilder where, Map<String, Object> params, String param, String name, String table, Driver d) {
        if (name != null) {
            where.append(
                    table.equals(d.table())
                            ? " and k.name = :" + param
                            : " and exists (select 1 from " + table + " n where n.article_id = a.id and n.name = :"
                                    + param + ")");
            params.put(param, name);
        }
    }

    /**
     * The publication instant of the {@code n}-th newest match (1-based) of a search page (its
     * filters and cursor) published in {@code [since, until]} (either null: unbounded); no row
     * when there are fewer.
     */
    static Built nthNewestMatch(ArticleQuery q, int n, Instant since, Instant until) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = searchWhere(q, true, since, until, params);
        String sql = q.afterRank() == null
                ? "select a.published_at, a.id from article a" + where + " and strpos(a.search_text, :needle) > 0"
                : "select m.published_at, m.id from (" + MATCHES + where + ") m where m.mentions > 0 and "
                        + afterCursor(RANK, "m", q, params);
        params.put("skip", n - 1);
        return new Built(sql + " order by 1 desc, 2 desc offset :skip limit 1", params);
    }

    /** How many articles of any status are published in {@code [since, until]} (until null: unbounded). */
    static Built rowsPublished(Instant since, Instant until) {
        Map<String, Object> params = new HashMap<>();
        params.put("since", since);
        String sql = "select count(*) from article a where a.published_at >= :since";
        if (until != null) {
            sql += " and a.published_at <= :until";
            params.put("until", until);
        }
        return new Built(sql, params);
    }

    /** The newest publication instant of the status listed: where a first search page starts looking. */
    static Built newestPublished(ArticleQuery q) {
        return new Built(
                "select max(a.published_at) from article a where " + Visibility.predicate(q.status()), new HashMap<>());
    }

    /**
     * A search page ranked: the matches published in {@code [since, until]} (since null: all),
     * after the cursor, best first. {@code useIndex} false leaves the bigram or trigram index out
     * when most articles of the window match anyway: then reading the window's rows by date is
     * cheaper than the index and, worse, than the planner's choice of checking the index's
     * condition on each row.
     */
    static Built ranked(ArticleQuery q, Instant since, Instant until, boolean useIndex) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = searchWhere(q, useIndex, since, until, params);
        // "offset 0" keeps the inner select from being merged into the outer one, which would
        // compute the mentions twice (once to filter, once to rank).
        String sql = "select r.id, r.rank from (select m.id, m.published_at, " + RANK + " as rank from (" + MATCHES
                + where + " offset 0) m where m.mentions > 0) r";
        if (q.afterRank() != null) {
            sql += " where " + afterCursor("r.rank", "r", q, params);
        }
        params.put("limit", q.limit());
        return new Built(sql + " order by r.rank desc, r.published_at desc, r.id desc limit :limit", params);
    }

    /** The filters, the plan's index condition (when used) and the date window of a search. */
    private static StringBuilder searchWhere(
            ArticleQuery q, boolean useIndex, Instant since, Instant until, Map<String, Object> params) {
        StringBuilder where = filters(q, Driver.of(q), params);
        SearchPlan plan = SearchPlan.of(q.text());
        if (useIndex) {
            switch (plan.index()) {
                case BIGRAMS -> {
                    where.append(" and a.search_grams @@ cast(:grams as tsquery)");
                    params.put("grams", plan.grams());
                }
                case TRIGRAMS -> {
                    where.append(" and a.search_text like :pattern escape '!'");
                    params.put("pattern", "%" + ArticleStore.escapeLike(plan.needle()) + "%");
                }
                case NONE -> {
                    // one character: the substring test alone
                }
            }
        }
        params.put("needle", plan.needle());
        if (since != null) {
            where.append(" and a.published_at >= :since");
            params.put("since", since);
        }
        if (until != null) {
            where.append(" and a.published_at <= :until");
            params.put("until", until);
        }
        return where;
    }

    /** The cursor's condition on a row ({@code alias}) whose rank is {@code rank}: after it in rank order. */
    private static String afterCursor(String rank, String alias, ArticleQuery q, Map<String, Object> params) {
        params.put("afterRank", q.afterRank());
        params.put("afterAt", q.afterPublishedAt());
        params.put("afterId", q.afterId());
        return "(" + rank + ", " + alias + ".published_at, " + alias + ".id) < (:afterRank, :afterAt, :afterId)";
    }
}

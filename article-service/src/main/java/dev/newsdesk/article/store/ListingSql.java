package dev.newsdesk.article.store;

import dev.newsdesk.article.search.SearchPlan;
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
 *       kept only if the search text contains the query, ordered by rank, then newest. The rank is
 *       {@value #TITLE_POINTS} points for a match in the title, one point per doubling of the
 *       matches in title and body ({@code log2(1 + n)}), and one point per
 *       {@value #DAYS_PER_POINT} days of publication date: a title match outweighs 90 days of
 *       recency. It depends only on the row, never on the time of the request, so a cursor that
 *       carries (rank, publishedAt, id) continues exactly where the page ended.
 * </ul>
 */
final class ListingSql {

    static final int TITLE_POINTS = 3;
    static final int DAYS_PER_POINT = 30;

    private static final String RANK = "(case when strpos(left(a.search_text, length(a.title)), :needle) > 0 then "
            + TITLE_POINTS + " else 0 end"
            + " + ln(1 + cast(length(a.search_text) - length(replace(a.search_text, :needle, '')) as float8)"
            + " / length(:needle)) / ln(cast(2 as float8))"
            + " + cast(extract(epoch from a.published_at) as float8) / " + (DAYS_PER_POINT * 86_400) + ")";

    record Built(String sql, Map<String, Object> params) {}

    private ListingSql() {}

    static Built of(ArticleQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(Visibility.predicate(q.status()));
        // The table the rows are read from in order (k): its published_at and keyId are the keyset.
        boolean byCategory = q.text() == null && q.category() != null;
        boolean byTag = q.text() == null && !byCategory && q.tag() != null;
        String from = byCategory
                ? "article_category k join article a on a.id = k.article_id"
                : byTag ? "article_tag k join article a on a.id = k.article_id" : "article a";
        String k = byCategory || byTag ? "k" : "a";
        String keyId = byCategory || byTag ? "article_id" : "id";
        nameFilter(where, params, "category", q.category(), byCategory, "article_category");
        nameFilter(where, params, "tag", q.tag(), byTag, "article_tag");
        if (q.source() != null) {
            where.append(" and a.source_name = :source");
            params.put("source", q.source());
        }
        if (q.from() != null) {
            where.append(" and ").append(k).append(".published_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.append(" and ").append(k).append(".published_at <= :to");
            params.put("to", q.to());
        }
        if (q.text() != null) {
            return ranked(q, SearchPlan.of(q.text()), where, params);
        }
        if (q.afterPublishedAt() != null) {
            where.append(" and (" + k + ".published_at, " + k + "." + keyId + ") < (:afterAt, :afterId)");
            params.put("afterAt", q.afterPublishedAt());
            params.put("afterId", q.afterId());
        }
        params.put("limit", q.limit());
        return new Built(
                "select " + k + "." + keyId + ", null from " + from + where + " order by " + k + ".published_at desc, "
                        + k + "." + keyId + " desc limit :limit",
                params);
    }

    /** A category or tag filter: on the rows read in order when they are its table's, else a semi-join. */
    private static void nameFilter(
            StringBuilder where, Map<String, Object> params, String param, String name, boolean driving, String table) {
        if (name != null) {
            where.append(
                    driving
                            ? " and k.name = :" + param
                            : " and exists (select 1 from " + table + " n where n.article_id = a.id and n.name = :"
                                    + param + ")");
            params.put(param, name);
        }
    }

    private static Built ranked(ArticleQuery q, SearchPlan plan, StringBuilder where, Map<String, Object> params) {
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
                // one character: the substring test below alone
            }
        }
        where.append(" and strpos(a.search_text, :needle) > 0");
        params.put("needle", plan.needle());
        String after = "";
        if (q.afterPublishedAt() != null) {
            after = " where (r.rank, r.published_at, r.id) < (:afterRank, :afterAt, :afterId)";
            params.put("afterRank", q.afterRank());
            params.put("afterAt", q.afterPublishedAt());
            params.put("afterId", q.afterId());
        }
        params.put("limit", q.limit());
        return new Built(
                "select r.id, r.rank from (select a.id, a.published_at, " + RANK + " as rank from article a" + where
                        + ") r" + after + " order by r.rank desc, r.published_at desc, r.id desc limit :limit",
                params);
    }
}

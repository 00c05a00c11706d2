package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListingSqlTest {

    private static ArticleQuery query(String category, String tag, String text) {
        return new ArticleQuery(category, tag, null, text, null, null, null, null, null, 21, null);
    }

    @Test
    void aCategoryListingIsReadInOrderFromTheCategoryRows() {
        String sql = ListingSql.of(query("宏观", "利率", null)).sql();
        assertTrue(sql.contains("from article_category k join article a"), sql);
        assertTrue(sql.contains("order by k.published_at desc, k.article_id desc"), sql);
        assertTrue(sql.contains("exists (select 1 from article_tag n"), "the tag is checked on the rows met: " + sql);
    }

    @Test
    void aTagListingIsReadFromTheTagRowsAndTheCursorIsItsKeyset() {
        ArticleQuery q = new ArticleQuery(null, "利率", null, null, null, null, Instant.EPOCH, 7L, null, 21, null);
        ListingSql.Built built = ListingSql.of(q);
        assertTrue(built.sql().contains("from article_tag k join article a"), built.sql());
        assertTrue(built.sql().contains("(k.published_at, k.article_id) < (:afterAt, :afterId)"), built.sql());
        assertEquals(7L, built.params().get("afterId"));
    }

    @Test
    void aSearchRanksTheBigramCandidatesThatContainTheTextInItsWindow() {
        Instant since = Instant.parse("2024-01-01T00:00:00Z");
        ListingSql.Built built = ListingSql.ranked(query("宏观", null, "降准"), since, null, true);
        assertTrue(built.sql().contains("a.search_grams @@ cast(:grams as tsquery)"), built.sql());
        assertTrue(built.sql().contains("where m.mentions > 0"), built.sql());
        assertTrue(built.sql().contains("a.published_at >= :since"), built.sql());
        assertTrue(built.sql().contains("order by r.rank desc, r.published_at desc, r.id desc"), built.sql());
        assertEquals("'降准'", built.params().get("grams"));
        assertEquals(since, built.params().get("since"));
    }

    @Test
    void aDenseWindowIsReadWithoutTheBigramIndex() {
        ListingSql.Built built =
                ListingSql.ranked(query(null, null, "降准"), Instant.EPOCH, Instant.parse("2024-01-01T00:00:00Z"), false);
        assertTrue(!built.sql().contains("search_grams"), built.sql());
        assertTrue(built.sql().contains("a.published_at <= :until"), built.sql());
    }

    @Test
    void theNthNewestMatchIsReadInPublicationOrder() {
        ListingSql.Built built = ListingSql.nthNewestMatch(query(null, "利率", "降准"), 21, Instant.EPOCH, null);
        assertTrue(built.sql().contains("strpos(a.search_text, :needle) > 0"), built.sql());
        assertTrue(built.sql().endsWith("order by 1 desc, 2 desc offset :skip limit 1"), built.sql());
        assertEquals(20, built.params().get("skip"));
    }

    @Test
    void everyReadCarriesThePublicPredicate() {
        for (ArticleQuery q : new ArticleQuery[] {query(null, null, null), query("a", null, null)}) {
            assertTrue(ListingSql.of(q).sql().contains(" where " + Visibility.PUBLIC), q.toString());
        }
        ArticleQuery search = query(null, null, "ab");
        for (ListingSql.Built built : new ListingSql.Built[] {
            ListingSql.ranked(search, null, null, true),
            ListingSql.nthNewestMatch(search, 21, null, null),
            ListingSql.newestPublished(search)
        }) {
            assertTrue(built.sql().contains(" where " + Visibility.PUBLIC), built.sql());
        }
    }
}

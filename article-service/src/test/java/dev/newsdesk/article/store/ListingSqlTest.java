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
    void aSearchRanksTheBigramCandidatesThatContainTheText() {
        ListingSql.Built built = ListingSql.of(query("宏观", null, "降准"));
        assertTrue(built.sql().contains("a.search_grams @@ cast(:grams as tsquery)"), built.sql());
        assertTrue(built.sql().contains("strpos(a.search_text, :needle) > 0"), built.sql());
        assertTrue(built.sql().contains("order by r.rank desc, r.published_at desc, r.id desc"), built.sql());
        assertEquals("'降准'", built.params().get("grams"));
    }

    @Test
    void everyReadCarriesThePublicPredicate() {
        for (ArticleQuery q :
                new ArticleQuery[] {query(null, null, null), query("a", null, null), query(null, null, "ab")}) {
            assertTrue(ListingSql.of(q).sql().contains(" where " + Visibility.PUBLIC), q.toString());
        }
    }
}

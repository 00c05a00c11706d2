package dev.newsdesk.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchGramsTest {

    @Test
    void everyTwoAdjacentCharactersOnceInFirstSeenOrder() {
        assertEquals(List.of("中国", "国银", "银行", "行中"), List.copyOf(SearchGrams.bigrams("中国银行中国")));
        assertEquals("'中国' '国银' '银行' '行中'", SearchGrams.vector("中国银行中国"));
    }

    @Test
    void aQueryNeedsAllOfItsBigrams() {
        assertEquals("'人工' & '工智' & '智能'", SearchGrams.query("人工智能"));
        assertNull(SearchGrams.query("人"), "one character has no bigram");
    }

    @Test
    void quotesAndBackslashesAreDoubledAndSurrogatePairsStayWhole() {
        assertEquals("'a''' '''b'", SearchGrams.vector("a'b"));
        assertEquals("'\\\\x'", SearchGrams.vector("\\x"));
        assertEquals(List.of("𠀀中"), List.copyOf(SearchGrams.bigrams("𠀀中")));
    }

    @Test
    void plansUseBigramsForCjkAndShortQueriesTrigramsForLatinWords() {
        assertEquals(SearchPlan.Index.BIGRAMS, SearchPlan.of("降准").index());
        assertEquals(SearchPlan.Index.BIGRAMS, SearchPlan.of("A股").index());
        assertEquals(SearchPlan.Index.BIGRAMS, SearchPlan.of("AI").index());
        assertEquals(SearchPlan.Index.TRIGRAMS, SearchPlan.of("AAPL").index());
        assertEquals("aapl", SearchPlan.of("AAPL").needle());
        assertEquals(SearchPlan.Index.NONE, SearchPlan.of("金").index());
    }
}

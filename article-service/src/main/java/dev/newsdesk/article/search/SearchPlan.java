package dev.newsdesk.article.search;

import java.util.Locale;

/**
 * How a query {@code q} is looked up. Every plan ends with the same exact substring test on the
 * lower-cased search text, so all of them return the same rows; they differ only in which index
 * narrows the candidates first.
 *
 * @param needle the query as the search text stores text: lower-cased
 * @param index which index narrows the candidates
 * @param grams the tsquery of the needle's bigrams, for {@link Index#BIGRAMS}
 */
public record SearchPlan(String needle, Index index, String grams) {

    public enum Index {
        /** Character bigrams (GIN on tsvector): any query of two characters or more with CJK in it. */
        BIGRAMS,
        /** pg_trgm (GIN on the text) for Latin words and tickers of three characters or more. */
        TRIGRAMS,
        /** One character: the substring test alone. */
        NONE
    }

    public static SearchPlan of(String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        int length = needle.codePointCount(0, needle.length());
        if (length < 2) {
            return new SearchPlan(needle, Index.NONE, null);
        }
        if (length >= 3 && needle.codePoints().noneMatch(SearchPlan::isCjk)) {
            return new SearchPlan(needle, Index.TRIGRAMS, null);
        }
        return new SearchPlan(needle, Index.BIGRAMS, SearchGrams.query(needle));
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || script == Character.UnicodeScript.HANGUL
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }
}

package dev.newsdesk.article.search;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The character bigrams that index {@code q}: every two adjacent characters (Unicode code points)
 * of an article's lower-cased search text become the lexemes of a PostgreSQL {@code tsvector}, and
 * a query becomes the AND of its own bigrams. A text containing the query holds all of the
 * query's bigrams, so the index finds every match; the exact substring test after it removes
 * texts that hold the bigrams apart. The same definition is the SQL function
 * {@code article_bigrams} (migration V31), which filled the rows stored before it.
 *
 * <p>No word segmenter: bigrams alone make recall complete for any query of two characters or
 * more, whatever a dictionary would call a word, and they cost no dictionary in memory or in
 * start-up time. Ranking counts the query's own occurrences instead (see {@code ListingSql}).
 */
public final class SearchGrams {

    private SearchGrams() {}

    /** The tsvector literal of a text's distinct bigrams ({@code ''} for fewer than two characters). */
    public static String vector(String text) {
        return String.join(" ", bigrams(text).stream().map(SearchGrams::quote).toList());
    }

    /** The tsquery literal that needs every bigram of the query; null below two characters. */
    public static String query(String lowerCased) {
        Set<String> grams = bigrams(lowerCased);
        return grams.isEmpty()
                ? null
                : String.join(" & ", grams.stream().map(SearchGrams::quote).toList());
    }

    static Set<String> bigrams(String text) {
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        return grams;
    }

    /** Quoted for tsvector and tsquery input: quotes and backslashes doubled. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

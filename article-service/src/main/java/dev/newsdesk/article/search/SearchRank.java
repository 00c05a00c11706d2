package dev.newsdesk.article.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How search results are ordered: relevance blended with recency, a number that depends only on
 * the article, never on the time of the request, so a cursor carrying it continues exactly where
 * a page ended.
 *
 * <p>{@code rank = relevance + publishedAt / 1 day}, where relevance is {@value #TITLE_POINTS}
 * points for a match in the title plus one point per doubling of the mentions in title and body
 * ({@code log2(1 + n)}, {@code n} counted up to {@value #MENTION_CAP}). So a title match
 * outweighs three days of recency, and a story mentioning the query three times outweighs one a
 * day newer mentioning it once: news readers want the newest reporting first, and among stories
 * of the same days the ones about the query.
 *
 * <p>Relevance lies between {@link #MIN_RELEVANCE} (one mention) and {@link #MAX_RELEVANCE}. That
 * bound is what lets a search read only the newest matches: once {@code k} matches are known at
 * or after an instant {@code t}, the {@code k}-th best rank is at least {@code t + MIN_RELEVANCE},
 * and a match published before {@link #reach(Instant) t − (MAX − MIN) days} ranks below that, so
 * it cannot be among the first {@code k}. A common word's first page then reads about a week of
 * matches, not the archive's.
 */
public final class SearchRank {

    public static final int TITLE_POINTS = 3;
    /** Mentions beyond this many add nothing: the relevance stays bounded. */
    public static final int MENTION_CAP = 31;

    public static final long SECONDS_PER_POINT = Duration.ofDays(1).toSeconds();
    public static final double MIN_RELEVANCE = 1;
    public static final double MAX_RELEVANCE = TITLE_POINTS + log2(1 + MENTION_CAP);

    /**
     * The widening date windows (back from the newest candidate) in which a search looks for its
     * first {@code k} matches before it ranks; past the last, the whole archive.
     */
    public static final List<Duration> WINDOWS = List.of(Duration.ofDays(2), Duration.ofDays(16), Duration.ofDays(128));

    private SearchRank() {}

    /** The rank as the SQL computes it (ListingSql), for tests and for the bound. */
    public static double rank(boolean inTitle, int mentions, Instant publishedAt) {
        return (inTitle ? TITLE_POINTS : 0)
                + log2(1 + Math.min(mentions, MENTION_CAP))
                + (publishedAt.getEpochSecond() + publishedAt.getNano() / 1e9) / SECONDS_PER_POINT;
    }

    /**
     * The oldest publication instant that can still rank among the first {@code k} when {@code k}
     * matches were published at or after {@code nthNewest}.
     */
    public static Instant reach(Instant nthNewest) {
        // A second wider than the bound: the SQL's floating point may round the other way.
        return nthNewest.minusSeconds((long) Math.ceil((MAX_RELEVANCE - MIN_RELEVANCE) * SECONDS_PER_POINT) + 1);
    }

    /**
     * The newest publication instant an article ranked below {@code rank} can have: with at least
     * one mention, its rank is at least its date plus {@link #MIN_RELEVANCE}.
     */
    public static Instant newestBelow(double rank) {
        return Instant.ofEpochSecond((long) Math.ceil((rank - MIN_RELEVANCE) * SECONDS_PER_POINT) + 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

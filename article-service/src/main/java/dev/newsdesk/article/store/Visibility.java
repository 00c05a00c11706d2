package dev.newsdesk.article.store;

import java.time.Instant;

/**
 * Which articles the public sees: the one rule, and the one predicate every public read filters
 * on (listings, search, counts, sitemaps, pages; the change feed has its own column, see V33). An
 * article is public once it is not a draft and its publication instant has come; the instant is
 * turned into the stored {@code visible} column by the write that saves it or, for one dated in
 * the future, by the scheduler when that instant arrives.
 */
public final class Visibility {

    /** HQL over an article aliased {@code a}: only what the public may see. */
    public static final String PUBLIC = "a.visible = true";

    public static final String PUBLISHED = "published";
    public static final String SCHEDULED = "scheduled";
    public static final String DRAFT = "draft";

    private Visibility() {}

    public static boolean visibleAt(boolean draft, Instant publishedAt, Instant now) {
        return !draft && !publishedAt.isAfter(now);
    }

    /** The status the API shows: {@code draft}, {@code scheduled} or {@code published}. */
    public static String status(ArticleEntity e) {
        return e.draft ? DRAFT : e.visible ? PUBLISHED : SCHEDULED;
    }

    /** The predicate for a listing of one status (null: the public's). */
    static String predicate(String status) {
        if (status == null || status.equals(PUBLISHED)) {
            return PUBLIC;
        }
        return status.equals(DRAFT) ? "a.draft = true" : "a.visible = false and a.draft = false";
    }
}

package dev.newsdesk.article.changes;

/**
 * What a recorded write means to the public, and so to webhook subscribers: an article they could
 * not see becoming visible is {@code article.published}, a visible one written again
 * {@code article.updated}, one they could see leaving (deleted or made a draft again)
 * {@code article.deleted}. A write they never see has no event (null).
 */
public final class PublicEvent {

    public static final String PUBLISHED = "article.published";
    public static final String UPDATED = "article.updated";
    public static final String DELETED = "article.deleted";

    private PublicEvent() {}

    public static String of(boolean wasPublic, boolean isPublic) {
        if (isPublic) {
            return wasPublic ? UPDATED : PUBLISHED;
        }
        return wasPublic ? DELETED : null;
    }
}

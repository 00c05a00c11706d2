package dev.newsdesk.article.articles;

import dev.newsdesk.article.store.Visibility;

/**
 * A listing request as the client wrote it ({@code status}: null for what the public sees); {@link ArticleValidator#query}
 * validates it.
 */
public record ListParams(
        String category,
        String tag,
        String source,
        String q,
        String from,
        String to,
        String limit,
        String cursor,
        String status) {

    public static ListParams newest(int limit, String cursor) {
        return new ListParams(null, null, null, null, null, null, Integer.toString(limit), cursor, null);
    }

    /** Whether it lists only what the public sees (no status, or published): no token needed. */
    public boolean isPublic() {
        return status == null || status.isBlank() || status.strip().equals(Visibility.PUBLISHED);
    }

    public ListParams inCategory(String name) {
        return new ListParams(name, tag, source, q, from, to, limit, cursor, status);
    }

    public ListParams withTag(String name) {
        return new ListParams(category, name, source, q, from, to, limit, cursor, status);
    }
}

package dev.newsdesk.article.articles;

/** A listing request as the client wrote it; {@link ArticleValidator#query} validates it. */
public record ListParams(
        String category, String tag, String source, String q, String from, String to, String limit, String cursor) {

    public static ListParams newest(int limit, String cursor) {
        return new ListParams(null, null, null, null, null, null, Integer.toString(limit), cursor);
    }

    public ListParams inCategory(String name) {
        return new ListParams(name, tag, source, q, from, to, limit, cursor);
    }

    public ListParams withTag(String name) {
        return new ListParams(category, name, source, q, from, to, limit, cursor);
    }
}

package dev.newsdesk.article.articles;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article's own fields once they are known to be valid, from the API ({@link ArticleValidator})
 * or from an imported post: what {@link ArticleMapping} writes onto the stored article beside the
 * cleaned body. {@code draft}: the editor keeps it from the public.
 */
public record ArticleDraft(
        String title, OffsetDateTime published, List<String> categories, List<String> tags, boolean draft) {

    /** An article meant for the public (from its publication instant on): what an import is. */
    public ArticleDraft(String title, OffsetDateTime published, List<String> categories, List<String> tags) {
        this(title, published, categories, tags, false);
    }

    /** The widest title the API and the importer accept (the column holds more; readers see less). */
    public static final int MAX_TITLE_CHARS = 500;

    /** The largest body the API accepts; an imported post has the same limit for the whole file. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
}

package dev.newsdesk.article.articles;

/**
 * An article as GET answers it: its JSON bytes and ETag, with the id, slug and version the cache
 * keys on. The {@link Article} record is not kept beside the bytes (it would double an entry's
 * weight); the article page reads it back from the JSON ({@link ArticleReads#articleBySlug}).
 * {@code visible}: whether the public sees it ({@code store.Visibility}).
 */
public record CachedArticle(long id, String slug, long version, boolean visible, byte[] json, String etag) {

    public static CachedArticle of(long id, String slug, long version, boolean visible, byte[] json) {
        return new CachedArticle(id, slug, version, visible, json, ArticleViews.etagOf(id, version));
    }
}

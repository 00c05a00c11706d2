package dev.newsdesk.article.store;

/**
 * The one condition every public read puts on an article row (alias {@code a}): listings, search,
 * related articles and sitemaps all add it, so what the public may see is decided here once.
 * Today every stored article is public.
 */
public final class PublicArticles {

    public static final String PREDICATE = "true";

    private PublicArticles() {}
}

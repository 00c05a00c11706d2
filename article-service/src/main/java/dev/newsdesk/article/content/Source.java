package dev.newsdesk.article.content;

/** Where an article comes from: the attribution's name and the original's URL (either may be null). */
public record Source(String name, String url) {

    public static final Source NONE = new Source(null, null);
}

package dev.newsdesk.article.importer;

import dev.newsdesk.article.articles.ArticleDraft;
import dev.newsdesk.article.content.BodyCleaner;
import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.content.XmlText;
import dev.newsdesk.article.sections.SectionLinks;
import dev.newsdesk.article.store.Slugs;
import java.util.Locale;
import java.util.Map;

/**
 * A post parsed, cleaned and validated: all that is left is to store it. Preparing needs no
 * database, so a chunk's posts are prepared before its transaction opens.
 *
 * @param file the zip entry's name; null for a post sent alone
 * @param identity the import key (see {@link #identityOf})
 * @param hash the content's hash: a re-import with the same hash changes nothing
 * @param explicitSlug the front matter's slug, if it gave one
 * @param sectionNames what the post's own navigation names its categories
 */
record PreparedPost(
        String file,
        String identity,
        String hash,
        String explicitSlug,
        ArticleDraft draft,
        CleanBody body,
        Map<String, String> sectionNames) {

    /** The widths of the source_url and import_key columns. */
    static final int MAX_SOURCE_URL_CHARS = 2000;

    private static final int MAX_KEY_CHARS = 700;

    static PreparedPost of(String file, JekyllPost post, BodyCleaner cleaner) {
        CleanBody body = cleaner.clean(post.bodyHtml(), true);
        if (body.source().url() != null && body.source().url().length() > MAX_SOURCE_URL_CHARS) {
            throw new ImportRejected(
                    "body", "the link to the original is longer than " + MAX_SOURCE_URL_CHARS + " characters");
        }
        String title = XmlText.legal(post.title());
        String hash = Slugs.sha256(String.join(
                "\u0000",
                title,
                post.date().toString(),
                String.join(",", post.categories()),
                String.join(",", post.tags()),
                body.html(),
                String.valueOf(body.source())));
        return new PreparedPost(
                file,
                identityOf(post, body.source()),
                hash,
                Slugs.explicit(post.slug()),
                new ArticleDraft(title, post.date(), post.categories(), post.tags()),
                body,
                SectionLinks.learn(post.bodyHtml(), post.categories()));
    }

    /**
     * The import identity: the front-matter slug when there is one (the author's own key), else
     * the original's URL (unique per story at the source), else date and title.
     */
    static String identityOf(JekyllPost post, Source source) {
        String key;
        if (post.slug() != null) {
            key = "slug:" + post.slug().strip().toLowerCase(Locale.ROOT);
        } else if (source.url() != null) {
            key = "source:" + source.url();
        } else {
            key = "post:" + post.date().toInstant() + "|" + post.title();
        }
        // The column holds 700 characters; a longer key (a very long original URL) keeps its
        // beginning and is told apart by the hash of the whole.
        return key.length() <= MAX_KEY_CHARS ? key : key.substring(0, 600) + "|sha256:" + Slugs.sha256(key);
    }
}

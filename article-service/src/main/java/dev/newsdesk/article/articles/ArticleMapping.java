package dev.newsdesk.article.articles;

import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.content.Summary;
import dev.newsdesk.article.content.XmlText;
import dev.newsdesk.article.images.Placeholders;
import dev.newsdesk.article.search.SearchGrams;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.Visibility;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes an article's content onto its stored entity: the same for a create, an update and an
 * import, so that every way in stores the same columns the same way (the summary, the gallery
 * column, the lower-cased search text the trigram index serves, whether the public sees it now).
 * Identity, slug, timestamps and the draft flag (an import leaves it as the editor set it) are
 * the caller's.
 */
public final class ArticleMapping {

    private ArticleMapping() {}

    public static void apply(ArticleEntity e, ArticleDraft draft, CleanBody body, Source source) {
        e.title = draft.title();
        e.published(draft.published());
        e.categories.clear();
        e.categories.addAll(draft.categories());
        e.tags.clear();
        e.tags.addAll(draft.tags());
        e.bodyHtml = body.html();
        e.images = GalleryColumn.write(body.images());
        Placeholders kept = Placeholders.read(e.placeholders).keptFor(body.images());
        e.placeholders = kept.write();
        e.placeholdersPending = !kept.missing(body.images()).isEmpty();
        e.sourceName = source.name();
        e.sourceUrl = source.url();
        e.summary = Summary.of(body.text());
        e.searchText = (draft.title() + "\n" + body.text()).toLowerCase(Locale.ROOT);
        e.visible = Visibility.visibleAt(e.draft, e.publishedAt, Instant.now());
        e.searchGrams = SearchGrams.vector(e.searchText);
    }

    /** The source an editor gave, when it names anything; else the one the cleaner found in the body. */
    public static Source sourceOf(Source given, Source found) {
        if (given != null && (given.name() != null || given.url() != null)) {
            return new Source(
                    given.name() == null ? null : XmlText.legal(given.name().strip()), given.url());
        }
        return found;
    }
}

package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.articles.ArticleSummary;
import dev.newsdesk.article.images.ImageUrls;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The article page: the article with its sections and tags, its section's feeds and the articles
 * published just before it in its section. Those earlier articles, not the section's newest, so
 * that a page stays as it is while news is published after it: the long tail of pages is kept as
 * files ({@link KeptPages}) that only a write changing what a page shows drops.
 */
@ApplicationScoped
class ArticlePages {

    static final int RELATED = 3;

    private final ArticleReads articles;
    private final Site site;
    private final ImageUrls images;
    private final Template article;
    private final KeptPages kept;

    /** A rendered page and what it shows besides its article. */
    record Rendered(RenderedPage page, PageFiles.Shows shows) {}

    ArticlePages(
            ArticleReads articles,
            Site site,
            ImageUrls images,
            @Location("pages/article.html") Template article,
            KeptPages kept) {
        this.articles = articles;
        this.site = site;
        this.images = images;
        this.article = article;
        this.kept = kept;
    }

    /** The page from this replica's files, else rendered (and kept). */
    RenderedPage article(String slug) {
        return kept.read(slug).orElseGet(() -> kept.render(slug, this::render));
    }

    /** The {@code RELATED} public articles of the section published just before {@code a}. */
    private List<ArticleSummary> earlier(Article a, String section) {
        return articles.earlierIn(section, OffsetDateTime.parse(a.publishedAt()).toInstant(), a.id(), RELATED);
    }

    private static PageFiles.Position position(long id, String publishedAt) {
        return new PageFiles.Position(OffsetDateTime.parse(publishedAt).toInstant(), id);
    }

    Rendered render(String slug) {
        Article a = articles.articleBySlug(slug);
        String section = a.categories().isEmpty() ? null : a.categories().get(0);
        List<PageMeta.FeedLink> feeds = new ArrayList<>();
        if (section != null) {
            feeds.addAll(site.feedsOf("categories", section, site.sectionName(section)));
        }
        feeds.addAll(site.siteFeeds());
        List<ArticleSummary> earlier = section == null ? List.of() : earlier(a, section);
        List<ListItem> related =
                earlier.stream().map(s -> ListItem.of(s, site, images, true)).toList();
        PageFiles.Shows shows = new PageFiles.Shows(
                a.id(),
                section,
                position(a.id(), a.publishedAt()),
                earlier.size() < RELATED
                        ? null
                        : position(earlier.getLast().id(), earlier.getLast().publishedAt()),
                earlier.stream().mapToLong(ArticleSummary::id).toArray());
        String canonical = site.articleHref(a.slug());
        String image = a.leadImage() == null ? null : a.leadImage().src();
        PageMeta meta = new PageMeta(
                a.title() + " · " + Site.NAME,
                a.title(),
                "article",
                canonical,
                a.summary(),
                image,
                a.publishedAt(),
                null,
                null,
                StructuredData.newsArticle(a, canonical, site),
                false,
                null,
                feeds);
        RenderedPage page = RenderedPage.html(article.data("site", site)
                .data("page", meta)
                .data("article", a)
                .data("body", PaintedBody.of(a))
                .data("published", ListItem.SHOWN.format(OffsetDateTime.parse(a.publishedAt())))
                .data(
                        "sections",
                        a.categories().stream()
                                .map(c -> new Site.Section(c, site.sectionName(c), site.categoryHref(c)))
                                .toList())
                .data(
                        "tags",
                        a.tags().stream()
                                .map(t -> new Site.Section(t, t, site.tagHref(t)))
                                .toList())
                .data("sectionName", section == null ? null : site.sectionName(section))
                .data("sectionHref", section == null ? null : site.categoryHref(section))
                .data("related", related)
                .data("current", section)
                .render());
        return new Rendered(page, shows);
    }
}

package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.articles.ArticleSummary;
import dev.newsdesk.article.articles.ListParams;
import dev.newsdesk.article.images.ImageUrls;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The article page: the article with its sections and tags, its section's feeds and a few related articles. */
@ApplicationScoped
class ArticlePages {

    static final int RELATED = 3;

    private final ArticleReads articles;
    private final Site site;
    private final ImageUrls images;
    private final Template article;
    private final Pages pages;
    private final Cache<Newest, List<ArticleSummary>> newest =
            Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Pages.TTL).build();

    private record Newest(long generation, String section) {}

    ArticlePages(
            ArticleReads articles,
            Site site,
            ImageUrls images,
            @Location("pages/article.html") Template article,
            Pages pages) {
        this.pages = pages;
        this.articles = articles;
        this.site = site;
        this.images = images;
        this.article = article;
    }

    /**
     * A section's newest articles, shared by every page of the section until a write anywhere
     * (the pages' generation): pages of one section rendered one after another ask for the same.
     */
    private List<ArticleSummary> newestOf(String section) {
        return newest.get(
                new Newest(pages.generation(), section),
                key -> articles.list(ListParams.newest(RELATED + 1, null).inCategory(section))
                        .items());
    }

    RenderedPage article(String slug) {
        Article a = articles.articleBySlug(slug);
        String section = a.categories().isEmpty() ? null : a.categories().get(0);
        List<PageMeta.FeedLink> feeds = new ArrayList<>();
        if (section != null) {
            feeds.addAll(site.feedsOf("categories", section, site.sectionName(section)));
        }
        feeds.addAll(site.siteFeeds());
        List<ListItem> related = new ArrayList<>();
        if (section != null) {
            for (var s : newestOf(section)) {
                if (s.id() != a.id() && related.size() < RELATED) {
                    related.add(ListItem.of(s, site, images, true));
                }
            }
        }
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
        return RenderedPage.html(article.data("site", site)
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
    }
}

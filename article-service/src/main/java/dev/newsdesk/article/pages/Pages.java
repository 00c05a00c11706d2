package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticlePage;
import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.ListParams;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.article.config.ImageSigningConfig;
import dev.newsdesk.article.config.LinksConfig;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.http.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Builds the public pages from the article service's reads. Rendered pages are kept for
 * {@link #TTL} by their URL, the listing cache's bound on staleness: a busy home page costs
 * one rendering per couple of seconds, not one per request.
 */
@ApplicationScoped
public class Pages {

    static final int PAGE_SIZE = 20;
    static final int RELATED = 3;
    /** Longer queries are refused: nobody types them, and LIKE over them costs. */
    static final int MAX_QUERY_CHARS = 100;
    /** The first few thumbnails are in the first screen: loading them lazily would only delay them. */
    static final int EAGER_THUMBNAILS = 3;

    static final Duration TTL = Duration.ofSeconds(2);
    /** The {@code back} value that names the first page of a listing (which has no cursor). */
    static final String FIRST_PAGE = "-";

    private final ArticleService articles;
    private final Site site;
    private final ImageUrls images;
    private final Template article;
    private final Template listing;
    private final Template error;
    private final Cache<PageKey, RenderedPage> rendered =
            Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(TTL).build();
    /**
     * Bumped by every committed write in the cluster: a page rendered before it is never found
     * after it, even if its rendering finishes later.
     */
    private final AtomicLong generation = new AtomicLong();

    private record PageKey(long generation, String url) {}

    Pages(
            ArticleService articles,
            Site site,
            LinksConfig links,
            ImageSigningConfig signing,
            @Location("pages/article.html") Template article,
            @Location("pages/listing.html") Template listing,
            @Location("pages/error.html") Template error) {
        this.articles = articles;
        this.site = site;
        this.images = new ImageUrls(links.imageBase(), signing.imageSigningKey().orElse(null));
        this.article = article;
        this.listing = listing;
        this.error = error;
    }

    /** The page at {@code key} (its path and query) from the cache, else rendered now. */
    RenderedPage cached(String key, Supplier<RenderedPage> render) {
        PageKey at = new PageKey(generation.get(), key);
        RenderedPage page = rendered.getIfPresent(at);
        if (page == null) {
            page = render.get(); // problems are thrown, never cached
            rendered.put(at, page);
        }
        return page;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        generation.incrementAndGet();
    }

    void missed(@Observes ChangesMissed missed) {
        generation.incrementAndGet();
    }

    RenderedPage home(String cursor, String back) {
        return listingPage(
                Site.NAME + " · 最新新闻",
                "最新新闻",
                site.home(),
                null,
                "newsdesk 最新新闻，按发布时间排列。",
                ListParams.newest(PAGE_SIZE, cursor),
                cursor,
                back,
                site.siteFeeds(),
                false,
                null);
    }

    RenderedPage category(String slug, String cursor, String back) {
        String name = site.sectionName(slug);
        List<PageMeta.FeedLink> feeds = new ArrayList<>(site.feedsOf("categories", slug, name));
        feeds.addAll(site.siteFeeds());
        return listingPage(
                name + " · " + Site.NAME,
                name,
                site.categoryHref(slug),
                slug,
                name + "栏目的最新文章。",
                ListParams.newest(PAGE_SIZE, cursor).inCategory(slug),
                cursor,
                back,
                feeds,
                false,
                null);
    }

    RenderedPage tag(String name, String cursor, String back) {
        List<PageMeta.FeedLink> feeds = new ArrayList<>(site.feedsOf("tags", name, name));
        feeds.addAll(site.siteFeeds());
        return listingPage(
                "#" + name + " · " + Site.NAME,
                "#" + name,
                site.tagHref(name),
                null,
                "标签「" + name + "」下的文章。",
                ListParams.newest(PAGE_SIZE, cursor).withTag(name),
                cursor,
                back,
                feeds,
                false,
                null);
    }

    RenderedPage search(String q, String cursor, String back) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            throw ProblemException.invalidField("q", "请输入要搜索的词语 (the query is empty)");
        }
        if (query.length() > MAX_QUERY_CHARS) {
            throw ProblemException.invalidField(
                    "q",
                    "搜索词最多 " + MAX_QUERY_CHARS + " 个字 (the query is longer than " + MAX_QUERY_CHARS + " characters)");
        }
        ListParams params = new ListParams(null, null, null, query, null, null, Integer.toString(PAGE_SIZE), cursor);
        String canonical = site.searchAction() + "?q=" + Site.segment(query);
        return listingPage(
                "搜索：" + query + " · " + Site.NAME,
                "搜索：" + query,
                canonical,
                null,
                "搜索「" + query + "」的结果。",
                params,
                cursor,
                back,
                site.siteFeeds(),
                true,
                query);
    }

    private RenderedPage listingPage(
            String title,
            String heading,
            String base,
            String currentSection,
            String description,
            ListParams params,
            String cursor,
            String back,
            List<PageMeta.FeedLink> feeds,
            boolean isSearch,
            String query) {
        if (back != null && !back.equals(FIRST_PAGE)) {
            articles.list(ListParams.newest(1, back)); // a bad back-cursor is the same 400 as a bad cursor
        }
        ArticlePage page = articles.list(params);
        boolean firstPage = cursor == null || cursor.isBlank();
        if (!isSearch && firstPage && page.items().isEmpty() && !base.equals(site.home())) {
            throw ProblemException.notFound(heading + " 下没有文章 (no articles under " + heading + ")");
        }
        List<ListItem> items = new ArrayList<>();
        for (var summary : page.items()) {
            items.add(ListItem.of(summary, site, images, items.size() >= EAGER_THUMBNAILS));
        }
        String join = base.contains("?") ? "&" : "?";
        String canonical = firstPage ? base : base + join + "cursor=" + cursor;
        // Keyset paging knows the page before this one only when the link that led here said it
        // (back: FIRST_PAGE for the first); without it, the page offers the newest instead.
        String older = page.nextCursor() == null
                ? null
                : base + join + "cursor=" + page.nextCursor() + "&back=" + (firstPage ? FIRST_PAGE : cursor);
        String newer =
                firstPage || back == null ? null : back.equals(FIRST_PAGE) ? base : base + join + "cursor=" + back;
        PageMeta meta = PageMeta.listing(title, heading, canonical, description, newer, older, isSearch, query, feeds);
        return RenderedPage.of(listing.data("site", site)
                .data("page", meta)
                .data("heading", heading)
                .data("items", items)
                .data("older", older)
                .data("newer", newer)
                .data("latest", firstPage || newer != null ? null : base)
                .data("current", currentSection)
                .render());
    }

    RenderedPage article(String slug) {
        Article a = articles.bySlug(slug).article();
        String section = a.categories().isEmpty() ? null : a.categories().get(0);
        List<PageMeta.FeedLink> feeds = new ArrayList<>();
        if (section != null) {
            feeds.addAll(site.feedsOf("categories", section, site.sectionName(section)));
        }
        feeds.addAll(site.siteFeeds());
        List<ListItem> related = new ArrayList<>();
        if (section != null) {
            for (var s : articles.list(ListParams.newest(RELATED + 1, null).inCategory(section))
                    .items()) {
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
        return RenderedPage.of(article.data("site", site)
                .data("page", meta)
                .data("article", a)
                .data("published", ListItem.SHOWN.format(java.time.OffsetDateTime.parse(a.publishedAt())))
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

    /** The designed page for a problem: same header and search box, the status's own words. */
    String problem(ProblemException p) {
        String heading = switch (p.status()) {
            case 404 -> "找不到这个页面";
            case 400 -> "请求有误";
            default -> "出了点问题";
        };
        PageMeta meta = PageMeta.listing(
                heading + " · " + Site.NAME, heading, site.home(), null, null, null, true, null, site.siteFeeds());
        return error.data("site", site)
                .data("page", meta)
                .data("heading", heading)
                .data("status", p.status())
                .data("detail", p.getMessage())
                .data("current", null)
                .render();
    }
}

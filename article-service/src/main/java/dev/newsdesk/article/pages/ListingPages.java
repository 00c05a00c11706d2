package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.ArticlePage;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.articles.ListParams;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.http.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing pages, newest first: home, a section, a tag, search results. Paging is by the
 * listing API's cursor; "newer" links work because each "older" link carries the cursor of the
 * page it came from ({@code back}).
 */
@ApplicationScoped
class ListingPages {

    static final int PAGE_SIZE = 20;
    /** Longer queries are refused: nobody types them, and LIKE over them costs. */
    static final int MAX_QUERY_CHARS = 100;
    /** The first few thumbnails are in the first screen: loading them lazily would only delay them. */
    static final int EAGER_THUMBNAILS = 3;
    /** The {@code back} value that names the first page of a listing (which has no cursor). */
    static final String FIRST_PAGE = "-";

    private final ArticleReads articles;
    private final Site site;
    private final ImageUrls images;
    private final Template listing;

    ListingPages(ArticleReads articles, Site site, ImageUrls images, @Location("pages/listing.html") Template listing) {
        this.articles = articles;
        this.site = site;
        this.images = images;
        this.listing = listing;
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
        ListParams params =
                new ListParams(null, null, null, query, null, null, Integer.toString(PAGE_SIZE), cursor, null);
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
        return RenderedPage.html(listing.data("site", site)
                .data("page", meta)
                .data("heading", heading)
                .data("items", items)
                .data("older", older)
                .data("newer", newer)
                .data("latest", firstPage || newer != null ? null : base)
                .data("current", currentSection)
                .render());
    }
}

package dev.newsdesk.article.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.newsdesk.article.Article;
import dev.newsdesk.article.ArticlePage;
import dev.newsdesk.article.ArticleService;
import dev.newsdesk.article.ArticleSummary;
import dev.newsdesk.article.ListParams;
import dev.newsdesk.article.config.LinksConfig;
import dev.newsdesk.http.ProblemException;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/** The public HTML pages: home, category and tag listings (newest first, paginated) and the article page. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "pages", description = "Public HTML pages")
public class PageResource {

    static final int PAGE_SIZE = 20;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private final ArticleService articles;
    private final LinksConfig links;
    private final Template article;
    private final Template listing;

    PageResource(ArticleService articles, LinksConfig links, @Location("pages/article.html") Template article,
            @Location("pages/listing.html") Template listing) {
        this.articles = articles;
        this.links = links;
        this.article = article;
        this.listing = listing;
    }

    /** A listing's line. */
    public record Item(String title, String href, String publishedAt, String published, String summary) {
    }

    /** A link to a category page. */
    public record CategoryLink(String name, String href) {
    }

    @GET
    @Operation(summary = "Home: the newest articles")
    public TemplateInstance home(@QueryParam("cursor") String cursor) {
        String canonical = links.publicBase() + "/";
        return listingPage("newsdesk", "最新文章", canonical, ListParams.newest(PAGE_SIZE, cursor), siteFeeds(), false);
    }

    @GET
    @Path("categories/{name}")
    @Operation(summary = "One category's articles, newest first")
    public TemplateInstance category(@PathParam("name") String name, @QueryParam("cursor") String cursor) {
        List<PageMeta.FeedLink> feeds = new ArrayList<>(categoryFeeds(name));
        feeds.addAll(siteFeeds());
        return listingPage(name + " - newsdesk", name, links.publicBase() + "/categories/" + segment(name),
                ListParams.newest(PAGE_SIZE, cursor).inCategory(name), feeds, true);
    }

    @GET
    @Path("tags/{name}")
    @Operation(summary = "One tag's articles, newest first")
    public TemplateInstance tag(@PathParam("name") String name, @QueryParam("cursor") String cursor) {
        String base = links.feedBase() + "/feeds/tags/" + segment(name);
        List<PageMeta.FeedLink> feeds = new ArrayList<>(List.of(
                new PageMeta.FeedLink("application/rss+xml", name + " (RSS)", base + "/rss.xml"),
                new PageMeta.FeedLink("application/atom+xml", name + " (Atom)", base + "/atom.xml")));
        feeds.addAll(siteFeeds());
        return listingPage(name + " - newsdesk", "#" + name, links.publicBase() + "/tags/" + segment(name),
                ListParams.newest(PAGE_SIZE, cursor).withTag(name), feeds, true);
    }

    @GET
    @Path("articles/{slug}")
    @Operation(summary = "The article page")
    public TemplateInstance article(@PathParam("slug") String slug) {
        Article a = articles.bySlug(slug).article();
        List<PageMeta.FeedLink> feeds = new ArrayList<>(siteFeeds());
        if (!a.categories().isEmpty()) {
            feeds.addAll(0, categoryFeeds(a.categories().get(0)));
        }
        PageMeta meta = new PageMeta(a.title() + " - newsdesk", a.title(), "article",
                links.publicBase() + "/articles/" + a.slug(), a.summary(),
                a.leadImage() == null ? null : a.leadImage().src(), a.publishedAt(), feeds, links.publicBase() + "/");
        return article.data("page", meta).data("article", a)
                .data("published", SHOWN.format(OffsetDateTime.parse(a.publishedAt())))
                .data("categories", a.categories().stream()
                        .map(c -> new CategoryLink(c, links.publicBase() + "/categories/" + segment(c))).toList());
    }

    private TemplateInstance listingPage(String title, String heading, String canonical, ListParams params,
            List<PageMeta.FeedLink> feeds, boolean emptyIsUnknown) {
        ArticlePage page = articles.list(params);
        if (emptyIsUnknown && page.items().isEmpty() && params.cursor() == null) {
            throw ProblemException.notFound("No articles under " + heading);
        }
        List<Item> items = page.items().stream().map(this::item).toList();
        String older = page.nextCursor() == null ? null : canonical + "?cursor=" + page.nextCursor();
        String pageCanonical = params.cursor() == null ? canonical : canonical + "?cursor=" + params.cursor();
        PageMeta meta = new PageMeta(title, heading, "website", pageCanonical, null, null, null, feeds, links.publicBase() + "/");
        return listing.data("page", meta).data("heading", heading).data("items", items).data("older", older);
    }

    private Item item(ArticleSummary s) {
        return new Item(s.title(), links.publicBase() + "/articles/" + s.slug(), s.publishedAt(),
                SHOWN.format(OffsetDateTime.parse(s.publishedAt())), s.summary());
    }

    private List<PageMeta.FeedLink> siteFeeds() {
        String base = links.feedBase() + "/feeds";
        return List.of(new PageMeta.FeedLink("application/rss+xml", "newsdesk (RSS)", base + "/rss.xml"),
                new PageMeta.FeedLink("application/atom+xml", "newsdesk (Atom)", base + "/atom.xml"),
                new PageMeta.FeedLink("application/feed+json", "newsdesk (JSON Feed)", base + "/feed.json"));
    }

    private List<PageMeta.FeedLink> categoryFeeds(String name) {
        String base = links.feedBase() + "/feeds/categories/" + segment(name);
        return List.of(new PageMeta.FeedLink("application/rss+xml", name + " (RSS)", base + "/rss.xml"),
                new PageMeta.FeedLink("application/atom+xml", name + " (Atom)", base + "/atom.xml"));
    }

    /** A name as one URL path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

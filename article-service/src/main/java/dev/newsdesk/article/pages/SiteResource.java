package dev.newsdesk.article.pages;

import dev.newsdesk.article.store.SitemapStore;
import dev.newsdesk.http.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What crawlers and browsers ask a site for besides pages: sitemaps, robots.txt, the icon, the stylesheet. */
@Path("/")
@Tag(name = "pages")
public class SiteResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final Site site;
    private final SitemapStore sitemaps;
    private final Pages pages;
    private final Stylesheet favicon = Stylesheet.load("pages/favicon.ico", "favicon", "ico");

    SiteResource(Site site, SitemapStore sitemaps, Pages pages) {
        this.site = site;
        this.sitemaps = sitemaps;
        this.pages = pages;
    }

    /**
     * The index, or with {@code ?page=N} (from 1) one of its sitemaps. Pages are a query on the
     * same path rather than files of their own, so the ingress routes sitemaps with exact paths.
     */
    @GET
    @Path("sitemap.xml")
    @Produces("application/xml")
    @Operation(summary = "Sitemap index (one sitemap per range of article ids, with lastmod), or with page one sitemap")
    public Response sitemap(@QueryParam("page") String page, @Context HttpServerRequest request) {
        return Pages.response(pages.cached(Pages.url(request), () -> sitemapPage(page)), request);
    }

    private RenderedPage sitemapPage(String page) {
        if (page == null) {
            return RenderedPage.xml(Sitemaps.index(site.base(), sitemaps.pages(), Instant.now()));
        }
        int number = page.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(page) : 0;
        List<SitemapStore.Entry> entries = number < 1 ? List.of() : sitemaps.page(number - 1L);
        if (entries.isEmpty() && number != 1) {
            throw ProblemException.notFound("No sitemap page " + page);
        }
        return RenderedPage.xml(Sitemaps.urlset(site, entries, number == 1));
    }

    @GET
    @Path("sitemap-news.xml")
    @Produces("application/xml")
    @Operation(summary = "Google News sitemap: articles of the last 48 hours")
    public Response newsSitemap(@Context HttpServerRequest request) {
        return Pages.response(
                pages.cached(
                        Pages.url(request),
                        () -> RenderedPage.xml(Sitemaps.news(
                                site,
                                sitemaps.publishedSince(Sitemaps.newsSince(Instant.now()), Sitemaps.NEWS_LIMIT)))),
                request);
    }

    @GET
    @Path("robots.txt")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "robots.txt naming the sitemaps")
    public Response robots() {
        return Response.ok(Sitemaps.robots(site.base()), MediaType.valueOf("text/plain; charset=UTF-8"))
                .header("Cache-Control", "public, max-age=86400")
                .build();
    }

    @GET
    @Path("favicon.ico")
    @Produces("image/x-icon")
    @Operation(summary = "The site icon")
    public Response favicon() {
        return Response.ok(favicon.bytes(), "image/x-icon")
                .header("Cache-Control", "public, max-age=604800")
                .build();
    }

    @GET
    @Path("static/{file}")
    @Produces("text/css")
    @Operation(summary = "The stylesheet, by its content-hashed name")
    public Response stylesheet(@PathParam("file") String file) {
        Stylesheet css = site.stylesheet();
        if (!css.fileName().equals(file)) {
            throw ProblemException.notFound("No static file " + file);
        }
        return Response.ok(css.bytes(), "text/css; charset=UTF-8")
                .header("Cache-Control", IMMUTABLE)
                .build();
    }
}

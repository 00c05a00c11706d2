package dev.newsdesk.article.pages;

import dev.newsdesk.http.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public HTML pages: home, section and tag listings and search results (newest first,
 * "older" paging by cursor), and the article page. Bad input gets a designed HTML page with
 * its 4xx status when the client asks for HTML (browsers do); other clients get the API's
 * problem document.
 */
@Path("/")
@Produces({MediaType.TEXT_HTML, "application/problem+json"})
@Tag(name = "pages", description = "Public HTML pages")
public class PageResource {

    private final Pages pages;
    private final ListingPages listings;
    private final ArticlePages articles;

    PageResource(Pages pages, ListingPages listings, ArticlePages articles) {
        this.pages = pages;
        this.listings = listings;
        this.articles = articles;
    }

    @GET
    @Operation(summary = "Home: the newest articles")
    public Response home(
            @QueryParam("cursor") String cursor,
            @QueryParam("back") String back,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        return answer(request, headers, () -> listings.home(cursor, back));
    }

    @GET
    @Path("categories/{name}")
    @Operation(summary = "One section's articles, newest first")
    public Response category(
            @PathParam("name") String name,
            @QueryParam("cursor") String cursor,
            @QueryParam("back") String back,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        return answer(request, headers, () -> listings.category(name, cursor, back));
    }

    @GET
    @Path("tags/{name}")
    @Operation(summary = "One tag's articles, newest first")
    public Response tag(
            @PathParam("name") String name,
            @QueryParam("cursor") String cursor,
            @QueryParam("back") String back,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        return answer(request, headers, () -> listings.tag(name, cursor, back));
    }

    @GET
    @Path("search")
    @Operation(summary = "Search results for q, newest first")
    public Response search(
            @QueryParam("q") String q,
            @QueryParam("cursor") String cursor,
            @QueryParam("back") String back,
            @Context HttpServerRequest request,
            @Context HttpHeaders headers) {
        return answer(request, headers, () -> listings.search(q, cursor, back));
    }

    @GET
    @Path("articles/{slug}")
    @Operation(summary = "The article page")
    public Response article(
            @PathParam("slug") String slug, @Context HttpServerRequest request, @Context HttpHeaders headers) {
        return answer(request, headers, () -> articles.article(slug));
    }

    private Response answer(HttpServerRequest request, HttpHeaders headers, Supplier<RenderedPage> render) {
        try {
            return Pages.response(pages.cached(Pages.url(request), render), request);
        } catch (ProblemException p) {
            if (!readsHtml(headers)) {
                throw p;
            }
            return Response.status(p.status())
                    .type(RenderedPage.HTML)
                    .header("Cache-Control", "no-store")
                    .entity(pages.problem(p))
                    .build();
        }
    }

    /**
     * Browsers name {@code text/html} in Accept; a client that does not (curl's and most HTTP
     * libraries' {@code *}{@code /*}, an API client asking for JSON) gets the problem document.
     */
    static boolean readsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType()
                        && !type.isWildcardSubtype()
                        && (type.isCompatible(MediaType.TEXT_HTML_TYPE)
                                || type.isCompatible(MediaType.APPLICATION_XHTML_XML_TYPE)));
    }
}

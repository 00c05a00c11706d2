package dev.newsdesk.feed.api;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Rendition;
import dev.newsdesk.feed.config.FeedSettings;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.http.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contract's feed paths. Every answer comes from {@link FeedStore}'s built feeds — a reader's
 * request never reaches article-service — on the I/O thread once the document is rendered; the
 * first request for a document renders it on a worker thread.
 *
 * <p>Caching: {@value #CACHE_CONTROL}. A CDN or reader may reuse a document for a minute (well
 * inside the poll-to-feed delay readers are promised), serve it while revalidating for five
 * minutes, and keep serving it for a day if feed-service itself fails. Stale documents (article-
 * service unreachable since the last good poll) carry {@code Warning: 110 - "Response is Stale"}
 * (RFC 7234 §5.5.1), {@code X-Feed-Stale: true} and {@code X-Feed-Age}: seconds since the feeds
 * last matched article-service.
 *
 * <p>Clients that accept gzip get the copy compressed when the feed was built (its own ETag,
 * {@code Vary: Accept-Encoding}); the others the identity bytes.
 */
@Path("/feeds")
@Tag(name = "feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 documents")
@APIResponse(responseCode = "200", ref = "Feed")
@APIResponse(responseCode = "304", ref = "NotModified")
@APIResponse(responseCode = "400", ref = "BadRequest")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "503", ref = "NoFeedYet")
@SecurityRequirements
public class FeedResource {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300, stale-if-error=86400";

    private final FeedStore store;
    private final int retryAfterSeconds;

    FeedResource(FeedStore store, FeedSettings settings) {
        this.store = store;
        this.retryAfterSeconds =
                (int) Math.max(1, Math.min(60, settings.pollInterval().toSeconds()));
    }

    @GET
    @NonBlocking
    @Path("/{file}")
    @Operation(operationId = "getFeed", summary = "The feed of the newest articles")
    public Uni<Response> home(@BeanParam FeedRequest request) {
        return serve(FeedKey.HOME, request);
    }

    @GET
    @NonBlocking
    @Path("/categories/{name}/{file}")
    @Operation(operationId = "getCategoryFeed", summary = "The feed of one category")
    public Uni<Response> category(
            @Parameter(description = "The category") @PathParam("name") String name, @BeanParam FeedRequest request) {
        return serve(FeedKey.category(name), request);
    }

    @GET
    @NonBlocking
    @Path("/tags/{name}/{file}")
    @Operation(operationId = "getTagFeed", summary = "The feed of one tag")
    public Uni<Response> tag(
            @Parameter(description = "The tag") @PathParam("name") String name, @BeanParam FeedRequest request) {
        return serve(FeedKey.tag(name), request);
    }

    private Uni<Response> serve(FeedKey key, FeedRequest request) {
        String file = request.file();
        FeedFormat format = FeedFormat.ofFile(file);
        if (format == null) {
            throw ProblemException.notFound(
                    "No feed format is called '" + file + "': rss.xml, atom.xml and feed.json are");
        }
        if (!store.hasFeeds()) {
            throw ProblemException.unavailable(
                    "No feed has been built yet: article-service has not been reached", retryAfterSeconds);
        }
        BuiltFeed feed = store.get(key);
        if (feed == null) {
            throw ProblemException.notFound(
                    switch (key.kind()) {
                        case HOME -> "The home feed is not built yet";
                        case CATEGORY -> "No category is called '" + key.name() + "'";
                        case TAG -> "No tag is called '" + key.name() + "'";
                    });
        }
        int page = pageNumber(request.page());
        if (!feed.hasPage(page)) {
            throw ProblemException.notFound("This feed has no page " + request.page());
        }
        Rendition rendered = feed.rendered(format, page);
        if (rendered != null) {
            return Uni.createFrom().item(respond(rendered, format, request));
        }
        // Rendering a document (up to 50 full articles, and its gzip copy) takes milliseconds:
        // a worker thread does it, once, and the event loop answers from it afterwards.
        return Uni.createFrom()
                .item(() -> respond(feed.page(format, page), format, request))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response respond(Rendition rendition, FeedFormat format, FeedRequest request) {
        boolean gzip = Rendition.acceptsGzip(request.acceptEncoding());
        Response.ResponseBuilder response;
        if (rendition.notModified(request.ifNoneMatch(), request.ifModifiedSince(), gzip)) {
            response = Response.notModified();
        } else {
            response = Response.ok(rendition.body(gzip)).type(format.mediaType());
            if (gzip) {
                response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
        }
        response.header(HttpHeaders.ETAG, rendition.etag(gzip))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .header(HttpHeaders.LAST_MODIFIED, rendition.lastModifiedHeader())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (store.stale()) {
            response.header("Warning", "110 - \"Response is Stale\"")
                    .header("X-Feed-Stale", "true")
                    .header("X-Feed-Age", store.ageSeconds(Instant.now()));
        }
        return response.build();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isEmpty()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalidField("page", "must be a whole number from 1");
    }
}

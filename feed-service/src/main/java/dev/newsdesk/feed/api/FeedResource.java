package dev.newsdesk.feed.api;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedStore;
import dev.newsdesk.feed.cache.Rendition;
import dev.newsdesk.feed.config.FeedSettings;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.http.ProblemException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The contract's feed paths. Every answer comes from {@link FeedStore}'s built feeds: a reader's
 * request never reaches article-service. A document already rendered is answered on the event
 * loop by {@link FeedHitRoute} before this resource is involved; what reaches it — a document's
 * first request, which renders it, a later page, a problem — runs on a worker thread. Both answer
 * through {@link FeedReply}.
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

    private final FeedStore store;
    private final int retryAfterSeconds;

    FeedResource(FeedStore store, FeedSettings settings) {
        this.store = store;
        this.retryAfterSeconds =
                (int) Math.max(1, Math.min(60, settings.pollInterval().toSeconds()));
    }

    @GET
    @Path("/{file}")
    @Operation(operationId = "getFeed", summary = "The feed of the newest articles")
    public Response home(@BeanParam FeedRequest request) {
        return serve(FeedKey.HOME, request);
    }

    @GET
    @Path("/categories/{name}/{file}")
    @Operation(operationId = "getCategoryFeed", summary = "The feed of one category")
    public Response category(
            @Parameter(description = "The category") @PathParam("name") String name, @BeanParam FeedRequest request) {
        return serve(FeedKey.category(name), request);
    }

    @GET
    @Path("/tags/{name}/{file}")
    @Operation(operationId = "getTagFeed", summary = "The feed of one tag")
    public Response tag(
            @Parameter(description = "The tag") @PathParam("name") String name, @BeanParam FeedRequest request) {
        return serve(FeedKey.tag(name), request);
    }

    private Response serve(FeedKey key, FeedRequest request) {
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
        return respond(feed.page(format, page), format, request);
    }

    private Response respond(Rendition rendition, FeedFormat format, FeedRequest request) {
        FeedReply reply = FeedReply.of(
                rendition, format, request.ifNoneMatch(), request.ifModifiedSince(), request.acceptEncoding(), store);
        Response.ResponseBuilder response = Response.status(reply.status()).entity(reply.body());
        reply.headers().forEach((name, value) -> {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                response.type(value);
            } else {
                response.header(name, value);
            }
        });
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

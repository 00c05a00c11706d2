package dev.newsdesk.image.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.newsdesk.image.ImageRequest;
import dev.newsdesk.image.ImageService;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.signing.SignedRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code GET /img/{signature}/{options}/{source}}. Runs on the event loop: the signature is
 * checked against the raw path as received, and a memory-cache hit is answered at once; a miss
 * continues on the service's bounded pools.
 */
@Path("/img")
public class ImageResource {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final ImageService images;

    ImageResource(ImageService images) {
        this.images = images;
    }

    @GET
    @Path("/{signature}/{rest: .+}")
    public Uni<Response> image(HttpServerRequest request, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SignedRequest signed = images.verify(request.path());
        ImageRequest image = new ImageRequest(signed.sourceUrl(), signed.options(),
                ContentNegotiation.target(signed.options().format(), accept, images::available));
        String vary = ContentNegotiation.vary(signed.options());
        Encoded hit = images.fromMemory(image);
        if (hit != null) {
            return Uni.createFrom().item(respond(hit, ifNoneMatch, vary));
        }
        return Uni.createFrom().completionStage(images.load(image)).map(encoded -> respond(encoded, ifNoneMatch, vary));
    }

    private static Response respond(Encoded encoded, String ifNoneMatch, String vary) {
        Response.ResponseBuilder response = matches(ifNoneMatch, encoded.etag())
                ? Response.notModified()
                : Response.ok(encoded.bytes(), encoded.contentType());
        response.header(HttpHeaders.ETAG, encoded.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (vary != null) {
            response.header(HttpHeaders.VARY, vary);
        }
        return response.build();
    }

    /** RFC 9110 If-None-Match: a list of entity tags or {@code *}; weak comparison. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}

package dev.newsdesk.image.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.newsdesk.http.EntityTags;
import dev.newsdesk.image.ImageOptions.Format;
import dev.newsdesk.image.ImageService;
import dev.newsdesk.image.cache.Encoded;
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
    public Uni<Response> image(@PathParam("signature") String signature, HttpServerRequest request,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SignedPath signed = SignedPath.of(request.path());
        ImageService.ImageRequest image = images.verify(signed.signature(), signed.rest(), accept);
        boolean varies = image.options().format() == Format.AUTO;
        Encoded hit = images.fromMemory(image);
        if (hit != null) {
            return Uni.createFrom().item(respond(hit, ifNoneMatch, varies));
        }
        return Uni.createFrom().completionStage(images.load(image)).map(encoded -> respond(encoded, ifNoneMatch, varies));
    }

    /** The raw request path split after {@code /img/}: the signature and the signed rest, from its {@code /}. */
    record SignedPath(String signature, String rest) {

        static SignedPath of(String rawPath) {
            int start = rawPath.indexOf("/img/");
            if (start < 0) {
                return null;
            }
            String after = rawPath.substring(start + "/img/".length());
            int slash = after.indexOf('/');
            return slash <= 0 ? null : new SignedPath(after.substring(0, slash), after.substring(slash));
        }
    }

    private static Response respond(Encoded encoded, String ifNoneMatch, boolean varies) {
        Response.ResponseBuilder response = EntityTags.matchesWeakly(ifNoneMatch, encoded.etag())
                ? Response.notModified()
                : Response.ok(encoded.bytes(), encoded.contentType());
        response.header(HttpHeaders.ETAG, encoded.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (varies) {
            response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        return response.build();
    }
}

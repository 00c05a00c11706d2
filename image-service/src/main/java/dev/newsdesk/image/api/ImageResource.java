package dev.newsdesk.image.api;

import dev.newsdesk.http.EntityTags;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.pipeline.ImageInfo;
import dev.newsdesk.image.service.ImageRequest;
import dev.newsdesk.image.service.ImageService;
import dev.newsdesk.image.signing.SignedRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Tag(name = "images", description = "Resized and re-encoded images by signed URL")
    @Operation(
            operationId = "getImage",
            summary = "An origin image, resized and encoded as the options say",
            description =
                    "The path is /img/{signature}/{options}/{source}: options are '/'-separated key:value pairs (w, h, fit,"
                            + " dpr, q, f), source the origin URL in base64url without padding, signature base64url HMAC-SHA256 of the"
                            + " path after it ('unsafe' while no key is set).")
    @SecurityRequirements
    @Parameter(
            name = "signature",
            in = ParameterIn.PATH,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "base64url HMAC-SHA256 of the path after it, or 'unsafe'")
    @Parameter(
            name = "rest",
            in = ParameterIn.PATH,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "{options}/{source}: the options, then the" + " origin URL (base64url, no padding)",
            example = "w:640/f:jpeg/aHR0cHM6Ly9leGFtcGxlLm9yZy9hLmpwZw")
    @APIResponse(
            responseCode = "200",
            description = "The image, in the format asked for (f:auto follows Accept)",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = "image/avif", schema = @Schema(type = SchemaType.STRING, format = "binary"))
            })
    @APIResponse(
            responseCode = "304",
            description = "Not modified: the If-None-Match entity tag is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnusableSource")
    @APIResponse(responseCode = "502", ref = "BadGateway")
    @APIResponse(responseCode = "503", ref = "Busy")
    @APIResponse(responseCode = "504", ref = "GatewayTimeout")
    public Uni<Response> image(
            HttpServerRequest request,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        SignedRequest signed = images.verify(request.path());
        ImageRequest image = new ImageRequest(
                signed.sourceUrl(),
                signed.options(),
                ContentNegotiation.target(signed.options().format(), accept, images::available));
        String vary = ContentNegotiation.vary(signed.options());
        Encoded hit = images.fromMemory(image);
        if (hit != null) {
            return Uni.createFrom().item(respond(hit, ifNoneMatch, vary));
        }
        return Uni.createFrom().completionStage(images.load(image)).map(encoded -> respond(encoded, ifNoneMatch, vary));
    }

    @GET
    @Path("/{signature}/" + SignedRequest.INFO + "/{source}")
    @Tag(name = "images")
    @Operation(
            operationId = "getImageInfo",
            summary = "An origin image's measurements instead of its pixels",
            description = "The path is /img/{signature}/info/{source}: the options segment is the single word 'info',"
                    + " signed like any image URL. The answer gives the upright size, the source format, the average"
                    + " colour and a ThumbHash; cached and immutable like a rendition.")
    @SecurityRequirements
    @Parameter(
            name = "signature",
            in = ParameterIn.PATH,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "base64url HMAC-SHA256 of the path after it ('/info/{source}'), or 'unsafe'")
    @Parameter(
            name = "source",
            in = ParameterIn.PATH,
            required = true,
            schema = @Schema(type = SchemaType.STRING),
            description = "the origin URL, base64url without padding",
            example = "aHR0cHM6Ly9leGFtcGxlLm9yZy9hLmpwZw")
    @APIResponse(
            responseCode = "200",
            description = "The picture's measurements",
            headers = @Header(name = "ETag", ref = "ETag"),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImageInfo.class)))
    @APIResponse(
            responseCode = "304",
            description = "Not modified: the If-None-Match entity tag is current",
            headers = @Header(name = "ETag", ref = "ETag"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "UnusableSource")
    @APIResponse(responseCode = "502", ref = "BadGateway")
    @APIResponse(responseCode = "503", ref = "Busy")
    @APIResponse(responseCode = "504", ref = "GatewayTimeout")
    public Uni<Response> info(HttpServerRequest request, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return image(request, null, ifNoneMatch); // the options segment 'info' makes it an info request
    }

    private static Response respond(Encoded encoded, String ifNoneMatch, String vary) {
        Response.ResponseBuilder response = EntityTags.matchesWeakly(ifNoneMatch, encoded.etag())
                ? Response.notModified()
                : Response.ok(encoded.bytes(), encoded.contentType());
        response.header(HttpHeaders.ETAG, encoded.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (vary != null) {
            response.header(HttpHeaders.VARY, vary);
        }
        return response.build();
    }
}

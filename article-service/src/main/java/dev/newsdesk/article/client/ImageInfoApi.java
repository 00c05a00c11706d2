package dev.newsdesk.article.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** image-service's info request ({@code NEWSDESK_IMAGE_SERVICE_URL}): a picture's measurements instead of its pixels. */
@Path("/img")
@RegisterRestClient(configKey = "image-service")
public interface ImageInfoApi {

    @GET
    @Path("/{signature}/info/{source}")
    ImageInfo info(@PathParam("signature") String signature, @PathParam("source") String source);

    /** The answer: upright size, source format, average colour, ThumbHash (base64). */
    record ImageInfo(int width, int height, String format, String color, String thumbhash) {}
}

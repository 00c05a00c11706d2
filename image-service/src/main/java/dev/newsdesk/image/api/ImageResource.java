package dev.newsdesk.image.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import dev.newsdesk.image.error.ProblemException;

/** {@code GET /img/{signature}/{options}/{source}}: the skeleton decodes the source and refuses; issue 4 resizes. */
@Path("/img")
public class ImageResource {

    @GET
    @Path("/{signature}/{rest: .+}")
    public Response image(@PathParam("signature") String signature, @PathParam("rest") String rest) {
        String source = rest.substring(rest.lastIndexOf('/') + 1);
        try {
            new String(Base64.getUrlDecoder().decode(source), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("source", "not base64url");
        }
        throw new ProblemException(501, "not-implemented", "Not implemented", "Resizing is not built yet", null);
    }
}

package dev.newsdesk.article.pages;

import dev.newsdesk.http.EntityTags;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * A page as bytes with its entity tag, and how it is answered: 200 with the body, or 304 when
 * the client already has it. Cache-Control suits a CDN: browsers keep a page a short while, the
 * CDN a little longer ({@code s-maxage}) and may serve it stale while it revalidates.
 */
public record RenderedPage(byte[] body, String etag) {

    static final String CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
    static final MediaType HTML = MediaType.valueOf("text/html; charset=UTF-8");

    static RenderedPage of(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new RenderedPage(bytes, "\"" + Stylesheet.hash(bytes).substring(0, 32) + "\"");
    }

    Response answer(String ifNoneMatch, MediaType type) {
        if (matches(ifNoneMatch)) {
            return Response.notModified()
                    .tag(etag.substring(1, etag.length() - 1))
                    .header("Cache-Control", CACHE_CONTROL)
                    .build();
        }
        return Response.ok(body, type)
                .header("ETag", etag)
                .header("Cache-Control", CACHE_CONTROL)
                .build();
    }

    boolean matches(String ifNoneMatch) {
        return EntityTags.matchesWeakly(ifNoneMatch, etag);
    }
}

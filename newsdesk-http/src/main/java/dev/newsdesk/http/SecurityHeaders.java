package dev.newsdesk.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The security headers of one answer, decided by what the answer is rather than by which
 * handler produced it, so that REST resources, plain Vert.x routes, static files and problem
 * documents all get the same (OWASP Secure Headers, MDN HTTP Observatory).
 *
 * <ul>
 *   <li>every answer: {@code X-Content-Type-Options: nosniff} and a {@code Referrer-Policy}
 *       that sends other sites the origin only, and nothing to plain HTTP;
 *   <li>HTML: a Content-Security-Policy that allows no script at all (the pages need none; a
 *       JSON-LD block is data, not script), styles and pictures only from the site, the image
 *       base and the sha256 hashes of inline styles given here, no framing, no {@code <base>},
 *       forms only to the site; {@code X-Frame-Options} for browsers older than
 *       {@code frame-ancestors};
 *   <li>images: {@code Cross-Origin-Resource-Policy: cross-origin}, so that other sites and
 *       apps may embed them even when they isolate themselves (COEP).
 * </ul>
 *
 * HTML under {@code /q/} (Swagger UI, a developer's tool that runs script of its own and is
 * not behind the public edge) keeps only the framing rule. {@code Strict-Transport-Security}
 * is the TLS terminator's: a service behind it cannot tell whether the client used HTTPS.
 */
public final class SecurityHeaders {

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    public static final String FRAMING_ONLY = "frame-ancestors 'none'";

    private final String pagePolicy;

    /**
     * @param siteOrigins the origins, besides the page's own, that serve the stylesheet, the icon
     *     and the search (the public base) and the pictures (the image base); URLs with any path
     * @param inlineStyleHashes base64 sha256 hashes of the inline {@code <style>} elements pages carry
     */
    public SecurityHeaders(List<String> siteOrigins, List<String> inlineStyleHashes) {
        Set<String> origins = new LinkedHashSet<>();
        origins.add("'self'");
        siteOrigins.stream().map(SecurityHeaders::originOf).forEach(origins::add);
        Set<String> styles = new LinkedHashSet<>(origins);
        inlineStyleHashes.forEach(hash -> styles.add("'sha256-" + hash + "'"));
        this.pagePolicy = "default-src 'none'; style-src " + String.join(" ", styles)
                + "; img-src " + String.join(" ", origins)
                + "; form-action " + String.join(" ", origins)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The Content-Security-Policy of the HTML pages. */
    public String pagePolicy() {
        return pagePolicy;
    }

    /**
     * The headers for an answer.
     *
     * @param path the request path
     * @param status the answer's status
     * @param contentType the answer's Content-Type, or null (a 304, a 204)
     */
    public Map<String, String> forAnswer(String path, int status, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", REFERRER_POLICY);
        String type =
                contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("text/html") || type.startsWith("application/xhtml+xml")) {
            headers.put("Content-Security-Policy", path.startsWith("/q/") ? FRAMING_ONLY : pagePolicy);
            headers.put("X-Frame-Options", "DENY");
        }
        // A 304 carries no Content-Type but refreshes the stored answer's headers: keep CORP on
        // the revalidated images too.
        if (type.startsWith("image/") || (status == 304 && path.startsWith("/img/"))) {
            headers.put("Cross-Origin-Resource-Policy", "cross-origin");
        }
        return headers;
    }

    /** {@code scheme://host[:port]} of a URL, as CSP source expressions name origins. */
    static String originOf(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an absolute URL: " + url);
        }
        String origin =
                uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }
}

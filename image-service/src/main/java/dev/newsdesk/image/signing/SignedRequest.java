package dev.newsdesk.image.signing;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.http.UrlSignature;
import dev.newsdesk.image.error.ImageProblems;
import dev.newsdesk.image.pipeline.ImageOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An image URL once its signature is checked: the origin URL and the options. The one parse of
 * {@code /img/{signature}/{options}/{source}}, used by the cache-hit route and the resource alike.
 * The options segment {@value #INFO} (alone) asks for the picture's measurements instead of its
 * pixels: {@code /img/{signature}/info/{source}}, signed like any other.
 *
 * @param signedPath the raw path after the signature, from its {@code /}, as received (the memo key)
 * @param info whether this is an info request ({@code options} are then the defaults and unused)
 */
public record SignedRequest(String signedPath, String sourceUrl, ImageOptions options, boolean info) {

    private static final String PREFIX = "/img/";
    /** The options segment of an info request. */
    public static final String INFO = "info";

    /**
     * Checks the signature of the raw request path and parses it; throws a {@link ProblemException}
     * (400 or 403) for anything else. The MAC is over the path as received; a client or proxy that
     * percent-encodes ({@code w%3A720}) changes the bytes but not the meaning, so the decoded path
     * is accepted too, and it is the decoded path that is parsed.
     */
    public static SignedRequest parse(String rawRequestPath, UrlSignature signature) {
        int start = rawRequestPath.indexOf(PREFIX);
        int slash = start < 0 ? -1 : rawRequestPath.indexOf('/', start + PREFIX.length());
        if (slash <= start + PREFIX.length()) {
            throw ProblemException.badRequest("The path is not /img/{signature}/{options}/{source}");
        }
        String given = rawRequestPath.substring(start + PREFIX.length(), slash);
        String raw = rawRequestPath.substring(slash);
        String decoded = percentDecoded(raw);
        if (!signature.verify(given, raw) && (decoded.equals(raw) || !signature.verify(given, decoded))) {
            throw ImageProblems.refused("bad-signature", "The URL signature is not valid");
        }
        int last = decoded.lastIndexOf('/');
        String source = decoded.substring(last + 1);
        if (source.isEmpty() || source.contains("=")) {
            throw ProblemException.invalidField("source", "not base64url without padding");
        }
        String url;
        try {
            url = new String(Base64.getUrlDecoder().decode(source), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("source", "not base64url");
        }
        String options = decoded.substring(0, last);
        if (options.equals("/" + INFO)) {
            return new SignedRequest(raw, url, ImageOptions.info(), true);
        }
        return new SignedRequest(raw, url, ImageOptions.parse(options), false);
    }

    static String percentDecoded(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '%') {
                throw ProblemException.badRequest("The path has a malformed percent-encoding");
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}

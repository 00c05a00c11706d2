package dev.newsdesk.image.api;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which format a request gets, and whether the answer varies with {@code Accept}: the one place
 * that decides both, for the cache-hit route and the resource.
 * <p>
 * {@code f:auto}: AVIF when {@code Accept} names {@code image/avif}, else WebP when it names
 * {@code image/webp}, else JPEG (the pipeline makes that PNG for a transparent source); a format
 * whose encoder this host lacks is skipped. Only an explicit media type counts: browsers that
 * cannot decode AVIF or WebP still send {@code image/*} or {@code *}{@code /*} (Safari 14 sends
 * {@code image/webp,image/png,image/svg+xml,image/*;q=0.8,...}), so a wildcard is no evidence.
 * A listed type with {@code q=0} is refused, as RFC 9110 says.
 * <p>
 * An explicit {@code f:webp} or {@code f:avif} without its encoder is a 422 naming the format: the
 * URL is well-formed (the contract lists the format), but this deployment cannot produce it;
 * not 406, which answers proactive negotiation on {@code Accept}, and not a 5xx, because
 * retrying will not help and the service itself is healthy.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {}

    public static Format target(Format requested, String accept, Predicate<Format> available) {
        if (requested != Format.AUTO) {
            if (!available.test(requested)) {
                String name = requested.name().toLowerCase(Locale.ROOT);
                throw new ProblemException(
                        422,
                        "format-unavailable",
                        "Format not available",
                        "This image-service has no " + name
                                + " encoder (its codec library is not installed); ask for f:auto or f:jpeg",
                        null);
            }
            return requested;
        }
        if (available.test(Format.AVIF) && accepts(accept, Format.AVIF.mediaType)) {
            return Format.AVIF;
        }
        if (available.test(Format.WEBP) && accepts(accept, Format.WEBP.mediaType)) {
            return Format.WEBP;
        }
        return Format.JPEG;
    }

    /**
     * The {@code Vary} header value, {@code Accept}, exactly when the format was left to
     * negotiation; else null (no header). Both routes send this very string.
     */
    public static String vary(ImageOptions options) {
        return options.format() == Format.AUTO ? "Accept" : null;
    }

    /** True when {@code accept} lists {@code mediaType} itself with a non-zero quality. */
    static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (parts[0].strip().equalsIgnoreCase(mediaType)) {
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].strip();
                    if (p.startsWith("q=") && p.substring(2).strip().matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}

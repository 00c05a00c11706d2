package dev.newsdesk.article.images;

import dev.newsdesk.http.UrlSignature;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds image-service URLs: {@code {base}/img/{signature}/{options}/{source}} with the source as
 * unpadded base64url of the origin URL and the signature an unpadded base64url HMAC-SHA256 of
 * {@code /{options}/{source}} ({@code unsafe} when no key is set), signed by the same
 * {@link UrlSignature} the image-service verifies with, so both ends follow one key rule.
 * <p>
 * srcset widths never exceed the source's intrinsic width, because the image-service does not
 * upscale: a claimed {@code 1080w} from a 700 px source would be a lie the browser believes.
 */
public final class ImageUrls {

    /** Phone 1x, phone 2x / desktop 1x, desktop 1.5x, desktop 2x. */
    public static final List<Integer> CANDIDATE_WIDTHS = List.of(360, 720, 1080, 1440);
    /** The width an image is shown at in the article column (CSS px). */
    public static final int DISPLAY_WIDTH = 720;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String base;
    private final UrlSignature signature;

    /**
     * @param keyHex {@code NEWSDESK_IMAGE_SIGNING_KEY}: null/blank for {@code unsafe} URLs, else hex
     *        keys (the first signs) by {@link UrlSignature}'s rule
     * @throws IllegalArgumentException naming the setting when a key breaks the rule
     */
    public ImageUrls(String imageBase, String keyHex) {
        this.base = imageBase.endsWith("/") ? imageBase.substring(0, imageBase.length() - 1) : imageBase;
        this.signature = UrlSignature.fromSetting(Optional.ofNullable(keyHex));
    }

    /**
     * An image as the page and the app show it: the JPEG URL, display size and the JPEG widths
     * on offer, plus the same widths as AVIF and WebP ({@code sources}, smallest format first),
     * for a {@code <picture>} or an app that decodes them.
     */
    public record Rendition(String src, Integer width, Integer height, String srcset, List<PictureSource> sources) {}

    /**
     * One alternative format of an image: its media type and srcset, as an HTML {@code <source>}
     * and the JSON {@code sources} entries carry them.
     */
    public record PictureSource(String type, String srcset) {}

    /**
     * The smaller formats, best first, each an explicit {@code f:} (never {@code f:auto}): the URL
     * names its format, so a CDN caches it without {@code Vary: Accept} and the browser chooses
     * through {@code <picture>}.
     */
    private static final List<String> ALTERNATIVES = List.of("avif", "webp");

    /** The JPEG URL of {@code source} resized to {@code width} px (null: the original size). */
    public String url(String source, Integer width) {
        return url(source, width, "jpeg");
    }

    /** The URL of {@code source} at {@code width} px in {@code format} ({@code jpeg}, {@code webp} or {@code avif}). */
    public String url(String source, Integer width, String format) {
        String options = (width == null ? "" : "w:" + width + "/") + "f:" + format;
        String path = "/" + options + "/" + B64.encodeToString(source.getBytes(StandardCharsets.UTF_8));
        return base + "/img/" + signature.sign(path) + path;
    }

    /** An info request's path parameters: the signature of {@code /info/{source}} and the source. */
    public record InfoRequest(String signature, String source) {}

    /** The signed info request (image-service's {@code /img/{signature}/info/{source}}) for {@code source}. */
    public InfoRequest info(String source) {
        String encoded = B64.encodeToString(source.getBytes(StandardCharsets.UTF_8));
        return new InfoRequest(signature.sign("/info/" + encoded), encoded);
    }

    public Rendition render(GalleryImage image) {
        if (image.width() == null || image.height() == null) {
            // Unknown size: any width we claimed could be wrong, so offer the original only.
            List<PictureSource> sources = ALTERNATIVES.stream()
                    .map(f -> new PictureSource("image/" + f, url(image.url(), null, f)))
                    .toList();
            return new Rendition(url(image.url(), null), null, null, null, sources);
        }
        int display = Math.min(image.width(), DISPLAY_WIDTH);
        int displayHeight = heightFor(image, display);
        List<Integer> widths = widthsFor(image.width());
        List<PictureSource> sources = ALTERNATIVES.stream()
                .map(f -> new PictureSource("image/" + f, srcset(image, widths, f)))
                .toList();
        return new Rendition(url(image.url(), display), display, displayHeight, srcset(image, widths, "jpeg"), sources);
    }

    private String srcset(GalleryImage image, List<Integer> widths, String format) {
        return widths.stream()
                .map(w -> url(image.url(), w, format) + " " + w + "w")
                .collect(Collectors.joining(", "));
    }

    /** The candidate widths below the intrinsic width, plus the intrinsic width when it falls short of the next candidate. */
    public static List<Integer> widthsFor(int intrinsicWidth) {
        List<Integer> widths = new ArrayList<>();
        for (int candidate : CANDIDATE_WIDTHS) {
            if (candidate <= intrinsicWidth) {
                widths.add(candidate);
            } else {
                if (widths.isEmpty() || widths.get(widths.size() - 1) < intrinsicWidth) {
                    widths.add(intrinsicWidth);
                }
                break;
            }
        }
        return widths;
    }

    static int heightFor(GalleryImage image, int width) {
        return (int) Math.round((double) width * image.height() / image.width());
    }
}

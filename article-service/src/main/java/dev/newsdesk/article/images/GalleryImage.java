package dev.newsdesk.article.images;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An original gallery image URL with its intrinsic size where known (null when not). */
@Schema(requiredProperties = {"url", "width", "height"})
public record GalleryImage(
        String url,
        @Schema(nullable = true) Integer width,
        @Schema(nullable = true) Integer height) {

    /** The CDN's file names carry the size: {@code D25711400404053531447_w700h996.jpg}. */
    private static final Pattern CDN_SIZE = Pattern.compile("_w(\\d{1,5})h(\\d{1,5})\\.[A-Za-z0-9]+$");

    /** The size from the CDN file name, else from the {@code width}/{@code height} attributes, else unknown. */
    public static GalleryImage of(String url, String widthAttribute, String heightAttribute) {
        String path = url.replaceAll("[?#].*$", "");
        Matcher m = CDN_SIZE.matcher(path);
        if (m.find()) {
            int w = Integer.parseInt(m.group(1));
            int h = Integer.parseInt(m.group(2));
            if (w > 0 && h > 0) {
                return new GalleryImage(url, w, h);
            }
        }
        Integer w = positive(widthAttribute);
        Integer h = positive(heightAttribute);
        return w != null && h != null ? new GalleryImage(url, w, h) : new GalleryImage(url, null, null);
    }

    private static Integer positive(String value) {
        if (value == null || !value.trim().matches("\\d{1,5}")) {
            return null;
        }
        int n = Integer.parseInt(value.trim());
        return n > 0 ? n : null;
    }
}

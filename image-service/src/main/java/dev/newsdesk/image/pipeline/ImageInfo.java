package dev.newsdesk.image.pipeline;

import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a picture is, without its pixels: its upright size, the source format, and what a page or
 * an app paints before the bytes arrive — the average colour ({@code #rrggbb}) and a
 * {@link ThumbHash} (standard base64, as the reference's own examples print it).
 *
 * @param format the source's format as its reader names it ({@code jpeg}, {@code png}, {@code gif}, {@code webp})
 */
@Schema(name = "ImageInfo", description = "A picture's measurements: what to paint before its bytes arrive")
public record ImageInfo(
        @Schema(description = "upright width in pixels (EXIF orientation applied)", minimum = "1")
        int width,

        @Schema(description = "upright height in pixels", minimum = "1")
        int height,

        @Schema(description = "the source's format", example = "jpeg")
        String format,

        @Schema(description = "average colour, alpha-weighted", pattern = "^#[0-9a-f]{6}$", example = "#7a8c9e")
        String color,

        @Schema(
                description = "ThumbHash (github.com/evanw/thumbhash) of the picture, standard base64",
                example = "1QcSHQRnh493V4dIh4eXh1h4kJUI")
        String thumbhash) {

    /** The info of a picture whose upright size is {@code width × height}, from a copy of at most 100×100 pixels. */
    static ImageInfo of(int width, int height, String format, Pixels small) {
        byte[] rgba = rgba(small);
        byte[] hash = ThumbHash.encode(small.width(), small.height(), rgba);
        return new ImageInfo(
                width, height, format, averageColor(rgba), Base64.getEncoder().encodeToString(hash));
    }

    /** The pixels as RGBA bytes, row by row, not premultiplied: the reference's input layout. */
    public static byte[] rgba(Pixels pixels) {
        int[] argb = pixels.argb();
        byte[] rgba = new byte[argb.length * 4];
        for (int i = 0, j = 0; i < argb.length; i++, j += 4) {
            int c = argb[i];
            rgba[j] = (byte) (c >> 16);
            rgba[j + 1] = (byte) (c >> 8);
            rgba[j + 2] = (byte) c;
            rgba[j + 3] = pixels.alpha() ? (byte) (c >>> 24) : (byte) 0xff;
        }
        return rgba;
    }

    /**
     * The mean of the visible colour (each pixel weighted by its alpha, so a transparent border
     * does not grey the tone), as {@code #rrggbb}; black for a wholly transparent picture.
     */
    static String averageColor(byte[] rgba) {
        long r = 0, g = 0, b = 0, a = 0;
        for (int j = 0; j < rgba.length; j += 4) {
            int alpha = rgba[j + 3] & 0xff;
            r += (long) (rgba[j] & 0xff) * alpha;
            g += (long) (rgba[j + 1] & 0xff) * alpha;
            b += (long) (rgba[j + 2] & 0xff) * alpha;
            a += alpha;
        }
        if (a == 0) {
            return "#000000";
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", (r + a / 2) / a, (g + a / 2) / a, (b + a / 2) / a);
    }
}

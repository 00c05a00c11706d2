package dev.newsdesk.image.pipeline;

import dev.newsdesk.http.ProblemException;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code options} segment of an image URL: {@code /}-separated {@code key:value} pairs, in
 * any order, all optional ({@code w}, {@code h}, {@code fit}, {@code dpr}, {@code q}, {@code f}).
 * Width and height 0 mean "keep the aspect ratio"; the service never enlarges past the source.
 */
public record ImageOptions(int width, int height, Fit fit, double dpr, int quality, Format format) {

    /** Largest output side in pixels, after {@code dpr}: bounds memory and CPU per request. */
    public static final int MAX_SIDE = 4096;

    public static final int DEFAULT_QUALITY = 80;

    public enum Fit {
        CONTAIN,
        COVER
    }

    public enum Format {
        JPEG("image/jpeg"),
        PNG("image/png"),
        WEBP("image/webp"),
        AVIF("image/avif"),
        AUTO(null),
        /** Not a picture: the measurements of an info request ({@code ImageInfo} as JSON), cached like a rendition. */
        JSON("application/json");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    public static ImageOptions defaults() {
        return new ImageOptions(0, 0, Fit.CONTAIN, 1, DEFAULT_QUALITY, Format.AUTO);
    }

    /** The options of an info request: nothing to negotiate, the answer is always {@link Format#JSON}. */
    public static ImageOptions info() {
        return new ImageOptions(0, 0, Fit.CONTAIN, 1, DEFAULT_QUALITY, Format.JSON);
    }

    /** Parses the segment between signature and source; empty segments (e.g. {@code //}) are ignored. */
    public static ImageOptions parse(String segment) {
        int width = 0, height = 0, quality = DEFAULT_QUALITY;
        double dpr = 1;
        Fit fit = Fit.CONTAIN;
        Format format = Format.AUTO;
        Set<String> seen = new HashSet<>();
        for (String pair : segment.split("/")) {
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw ProblemException.invalidField("options", "'" + pair + "' is not a key:value pair");
            }
            String key = pair.substring(0, colon);
            String value = pair.substring(colon + 1);
            if (!seen.add(key)) {
                throw ProblemException.invalidField(key, "given more than once");
            }
            switch (key) {
                case "w" -> width = integer(key, value, 0, MAX_SIDE);
                case "h" -> height = integer(key, value, 0, MAX_SIDE);
                case "q" -> quality = integer(key, value, 1, 100);
                case "dpr" -> dpr = decimal(key, value, 1, 4);
                case "fit" ->
                    fit = switch (value) {
                        case "contain" -> Fit.CONTAIN;
                        case "cover" -> Fit.COVER;
                        default -> throw ProblemException.invalidField(key, "must be contain or cover");
                    };
                case "f" ->
                    format = switch (value) {
                        case "jpeg" -> Format.JPEG;
                        case "png" -> Format.PNG;
                        case "webp" -> Format.WEBP;
                        case "avif" -> Format.AVIF;
                        case "auto" -> Format.AUTO;
                        default -> throw ProblemException.invalidField(key, "must be jpeg, png, webp, avif or auto");
                    };
                default -> throw ProblemException.invalidField(key, "unknown option");
            }
        }
        if (Math.round(width * dpr) > MAX_SIDE || Math.round(height * dpr) > MAX_SIDE) {
            throw ProblemException.invalidField("dpr", "width or height times dpr exceeds " + MAX_SIDE + " px");
        }
        return new ImageOptions(width, height, fit, dpr, quality, format);
    }

    /** Requested output width in device pixels (0: derive from height or source). */
    public int targetWidth() {
        return (int) Math.round(width * dpr);
    }

    public int targetHeight() {
        return (int) Math.round(height * dpr);
    }

    /** A stable text form, one per distinct rendering, for cache keys. */
    public String canonical(Format resolved) {
        return "w" + width + "h" + height + "f" + fit + "d" + dpr + "q" + quality + "o" + resolved;
    }

    private static int integer(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max && value.chars().allMatch(Character::isDigit)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw ProblemException.invalidField(key, "must be an integer from " + min + " to " + max);
    }

    private static double decimal(String key, String value, double min, double max) {
        if (value.matches("[0-9]{1,2}(\\.[0-9]{1,3})?")) {
            double d = Double.parseDouble(value);
            if (d >= min && d <= max) {
                return d;
            }
        }
        throw ProblemException.invalidField(key, "must be a number from " + min + " to " + max);
    }
}

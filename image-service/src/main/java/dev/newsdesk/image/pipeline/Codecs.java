package dev.newsdesk.image.pipeline;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The codecs this process has. JPEG and PNG are always present: JPEG through libjpeg-turbo
 * ({@link TurboJpeg}) when it is installed, else through ImageIO, the same format either way,
 * only slower; PNG through ImageIO. Lossy WebP and AVIF come from the OS libraries (libwebp,
 * libavif) when they are installed and enabled. A missing library is not an outage:
 * {@code f:auto} then answers with the best format there is, and only an explicit request for
 * the missing format is refused (see the README).
 */
public final class Codecs {

    private final TurboJpeg jpeg;
    private final WebpEncoder webp;
    private final AvifEncoder avif;
    private final String summary;

    private Codecs(TurboJpeg jpeg, WebpEncoder webp, AvifEncoder avif, String summary) {
        this.jpeg = jpeg;
        this.webp = webp;
        this.avif = avif;
        this.summary = summary;
    }

    /** Opens libjpeg-turbo and the native encoders among {@code enabled} (WEBP, AVIF); the others stay off. */
    public static Codecs load(Set<Format> enabled) {
        return load(enabled, true);
    }

    /** JPEG and PNG through ImageIO only, as on a host without any codec library. */
    public static Codecs builtInOnly() {
        return load(Set.of(), false);
    }

    private static Codecs load(Set<Format> enabled, boolean turbo) {
        List<String> lines = new ArrayList<>();
        TurboJpeg jpeg = turbo ? open("jpeg", TurboJpeg::load, lines) : null;
        lines.add(jpeg != null ? "jpeg: libjpeg-turbo (" + jpeg.name() + ")" : "jpeg: ImageIO");
        lines.add("png: ImageIO");
        WebpEncoder webp = enabled.contains(Format.WEBP) ? open("webp", WebpEncoder::load, lines) : off("webp", lines);
        AvifEncoder avif = enabled.contains(Format.AVIF) ? open("avif", AvifEncoder::load, lines) : off("avif", lines);
        if (webp != null) {
            lines.add("webp: libwebp " + webp.version());
        }
        if (avif != null) {
            lines.add("avif: libavif " + avif.version());
        }
        return new Codecs(jpeg, webp, avif, String.join("; ", lines));
    }

    private static <T> T open(String format, Function<StringBuilder, Optional<T>> loader, List<String> lines) {
        StringBuilder why = new StringBuilder();
        Optional<T> encoder = loader.apply(why);
        if (encoder.isEmpty()) {
            lines.add(format + ": unavailable (" + why + ")");
        }
        return encoder.orElse(null);
    }

    private static <T> T off(String format, List<String> lines) {
        lines.add(format + ": disabled by configuration");
        return null;
    }

    public boolean has(Format format) {
        return switch (format) {
            case WEBP -> webp != null;
            case AVIF -> avif != null;
            case JPEG, PNG, AUTO, JSON -> true;
        };
    }

    /** One line for the start-up log: each format and where its encoder comes from, or why it is missing. */
    public String summary() {
        return summary;
    }

    /** libjpeg-turbo, or null: JPEG then goes through ImageIO. */
    TurboJpeg turboJpeg() {
        return jpeg;
    }

    byte[] webp(Pixels pixels, int quality) {
        WebpEncoder encoder = require(webp, Format.WEBP);
        return encoder.encode(pixels, QualityScale.webp(quality, QualityScale.graphic(pixels)));
    }

    byte[] avif(Pixels pixels, int quality) {
        AvifEncoder encoder = require(avif, Format.AVIF);
        int quantizer = QualityScale.avifQuantizer(quality, QualityScale.graphic(pixels));
        return encoder.encode(pixels, quantizer, QualityScale.AVIF_SPEED);
    }

    private static <T> T require(T encoder, Format format) {
        if (encoder == null) {
            // The request layer refuses an unavailable explicit format before any work; reaching
            // this is a bug in that check, not a client error.
            throw new IllegalStateException(format + " encoder is not available");
        }
        return encoder;
    }
}

package dev.newsdesk.image.pipeline;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The encoders this process has. JPEG and PNG are pure Java and always present; lossy WebP and
 * AVIF come from the OS libraries (libwebp, libavif) when they are installed and enabled. A
 * missing library is not an outage: {@code f:auto} then answers with the best format there is,
 * and only an explicit request for the missing format is refused (see the README).
 */
public final class Codecs {

    private final WebpEncoder webp;
    private final AvifEncoder avif;
    private final String summary;

    private Codecs(WebpEncoder webp, AvifEncoder avif, String summary) {
        this.webp = webp;
        this.avif = avif;
        this.summary = summary;
    }

    /** Opens the native encoders among {@code enabled} (WEBP, AVIF); the others stay off. */
    public static Codecs load(Set<Format> enabled) {
        List<String> lines = new ArrayList<>(List.of("jpeg, png: built in"));
        WebpEncoder webp = enabled.contains(Format.WEBP) ? open("webp", WebpEncoder::load, lines) : off("webp", lines);
        AvifEncoder avif = enabled.contains(Format.AVIF) ? open("avif", AvifEncoder::load, lines) : off("avif", lines);
        if (webp != null) {
            lines.add("webp: libwebp " + webp.version());
        }
        if (avif != null) {
            lines.add("avif: libavif " + avif.version());
        }
        return new Codecs(webp, avif, String.join("; ", lines));
    }

    /** JPEG and PNG only, as on a host without the codec libraries. */
    public static Codecs builtInOnly() {
        return load(Set.of());
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

package dev.newsdesk.image.pipeline;

import dev.newsdesk.image.pipeline.ImageOptions.Format;

/**
 * The processing steps in order, each a function of the image and the options:
 * load (header check, decode, sRGB) → orient (EXIF) → crop/scale → encode.
 * Plain Java, no Quarkus: what a test or a benchmark calls directly.
 */
public final class Pipeline {

    /** An encoded output and its real format. */
    public record Rendered(byte[] bytes, Format format, int width, int height) {}

    private final Decoder decoder;
    private final Resizer resizer;
    private final Encoder encoder;
    private final MemoryBudget memory;

    public Pipeline(long maxSourcePixels, Resizer.Kernel kernel, Codecs codecs) {
        this(maxSourcePixels, kernel, codecs, MemoryBudget.halfOfHeap());
    }

    public Pipeline(long maxSourcePixels, Resizer.Kernel kernel, Codecs codecs, MemoryBudget memory) {
        this.decoder = new Decoder(maxSourcePixels);
        this.resizer = new Resizer(kernel);
        this.encoder = new Encoder(codecs);
        this.memory = memory;
    }

    /**
     * Renders {@code source} for {@code options} in the {@code target} format (what the
     * negotiation chose; for {@code f:auto} a JPEG target becomes PNG when the image has
     * transparency, which JPEG would lose).
     */
    public Rendered render(byte[] source, ImageOptions options, Format target) {
        int orientation = Orientation.read(source);
        MemoryBudget.Reservation[] reservation = new MemoryBudget.Reservation[1];
        try {
            Pixels pixels = decoder.decode(source, header -> {
                int step = shrinkOnLoad(header, orientation, options);
                reservation[0] = memory.reserve((long) (header.width() / step + 1) * (header.height() / step + 1));
                return step;
            });
            pixels = Orientation.apply(pixels, orientation);
            Geometry geometry = Geometry.of(pixels.width(), pixels.height(), options);
            pixels = resizer.resize(pixels, geometry);
            Format format =
                    options.format() == Format.AUTO && target == Format.JPEG && pixels.alpha() ? Format.PNG : target;
            return new Rendered(
                    encoder.encode(pixels, format, options.quality()), format, pixels.width(), pixels.height());
        } finally {
            if (reservation[0] != null) {
                reservation[0].close();
            }
        }
    }

    /**
     * Lets the reader skip rows and columns when the output is at least four times smaller than
     * the source, keeping twice the output's resolution for the filter: decoding memory falls by
     * the square of the factor, quality stays that of the filter.
     */
    private static int shrinkOnLoad(Decoder.Header header, int orientation, ImageOptions options) {
        boolean swap = Orientation.swapsAxes(orientation);
        int w = swap ? header.height() : header.width(), h = swap ? header.width() : header.height();
        Geometry g = Geometry.of(w, h, options);
        return Math.max(1, (int) Math.floor(g.shrink() / 2));
    }
}

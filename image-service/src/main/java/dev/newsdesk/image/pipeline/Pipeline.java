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
        this.decoder = new Decoder(maxSourcePixels, codecs.turboJpeg());
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
        return upright(source, options, (pixels, header, swapped) -> {
            pixels = resizer.resize(pixels, Geometry.of(pixels.width(), pixels.height(), options));
            Format format =
                    options.format() == Format.AUTO && target == Format.JPEG && pixels.alpha() ? Format.PNG : target;
            return new Rendered(
                    encoder.encode(pixels, format, options.quality()), format, pixels.width(), pixels.height());
        });
    }

    /**
     * Measures {@code source}: the upright size and format from the header and orientation, and
     * the colour and ThumbHash from a copy scaled to fit 100×100 (the format's limit), decoded
     * with the same shrink-on-load as a rendition of that size. Never enlarges a smaller picture.
     */
    public ImageInfo info(byte[] source) {
        Thumbnail t = thumbnail(source);
        return ImageInfo.of(t.width(), t.height(), t.format(), t.pixels());
    }

    /** The picture's upright size and format, and a copy of it that fits {@link ThumbHash#MAX_SIDE}. */
    record Thumbnail(int width, int height, String format, Pixels pixels) {}

    Thumbnail thumbnail(byte[] source) {
        ImageOptions fit =
                new ImageOptions(ThumbHash.MAX_SIDE, ThumbHash.MAX_SIDE, ImageOptions.Fit.CONTAIN, 1, 1, Format.AUTO);
        return upright(source, fit, (pixels, header, swapped) -> {
            Pixels small = resizer.resize(pixels, Geometry.of(pixels.width(), pixels.height(), fit));
            return swapped
                    ? new Thumbnail(header.height(), header.width(), header.format(), small)
                    : new Thumbnail(header.width(), header.height(), header.format(), small);
        });
    }

    /** What follows the load and orient steps: the upright pixels, the source's header, whether the axes swapped. */
    private interface AfterLoad<T> {
        T apply(Pixels upright, Decoder.Header header, boolean swapped);
    }

    /** Load (within the memory budget, shrinking on load for {@code options}) and orient, then {@code next}. */
    private <T> T upright(byte[] source, ImageOptions options, AfterLoad<T> next) {
        int orientation = Orientation.read(source);
        Decoder.Header[] header = new Decoder.Header[1];
        MemoryBudget.Reservation[] reservation = new MemoryBudget.Reservation[1];
        try {
            Pixels pixels = decoder.decode(source, h -> {
                header[0] = h;
                int step = shrinkOnLoad(h, orientation, options);
                reservation[0] = memory.reserve((long) (h.width() / step + 1) * (h.height() / step + 1));
                return step;
            });
            return next.apply(Orientation.apply(pixels, orientation), header[0], Orientation.swapsAxes(orientation));
        } finally {
            if (reservation[0] != null) {
                reservation[0].close();
            }
        }
    }

    /**
     * Lets the decoder shrink when the output is at least four times smaller than the source,
     * keeping at least twice the output's resolution for the filter: decoding memory falls by
     * the square of the factor, quality stays that of the filter. A power of two up to 8, the
     * factors libjpeg scales by in the DCT.
     */
    static int shrinkOnLoad(Decoder.Header header, int orientation, ImageOptions options) {
        boolean swap = Orientation.swapsAxes(orientation);
        int w = swap ? header.height() : header.width(), h = swap ? header.width() : header.height();
        Geometry g = Geometry.of(w, h, options);
        int step = (int) Math.min(8, Math.max(1, Math.floor(g.shrink() / 2)));
        return Integer.highestOneBit(step);
    }
}

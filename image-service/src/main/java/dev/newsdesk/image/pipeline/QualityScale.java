package dev.newsdesk.image.pipeline;

/**
 * One {@code q} (1–100, read as libjpeg's scale) mapped to each codec's own scale, so that one
 * {@code q} gives about the same visual quality in every format.
 * <p>
 * <b>Calibration</b> ({@code bench/image/formats.sh calibrate}, figures in the image-service
 * README): for each anchor {@code q} below, the WebP quality ({@code cwebp -m 4}, the same
 * libwebp and settings as {@link WebpEncoder}) and the AV1 quantizer ({@code avifenc -s 6 -y 420},
 * the same libavif) whose mean SSIM against the lossless resize equals the mean SSIM of this
 * service's JPEG at {@code q}, found by bisection on the bench's gallery sources at the widths the
 * pages use (360 and 700 px). Between anchors the scale is linear; q 100 is each codec's best.
 * <p>
 * <b>Two tables.</b> The codecs differ from JPEG in opposite directions on the two kinds of
 * picture a gallery has. On charts and tables (flat colour, text, rules) JPEG rings around every
 * edge while WebP and AV1 predict flat areas almost for free, so they match the JPEG's SSIM at
 * far lower settings; on photographs they blur fine texture that JPEG keeps, so they need higher
 * settings than one table for both would give (a table from a mixed set overshot the JPEG on
 * charts and undershot it on photographs). So each picture is scored by {@link #graphic} and the
 * setting is taken between the photo table and the chart table by that score.
 */
final class QualityScale {

    /** libaom speed (libavif {@code speed}): 6 keeps encode CPU at or below libvips's default effort. */
    static final int AVIF_SPEED = 6;

    /**
     * A share of pixels equal to their left neighbour at or below {@code FLAT_PHOTO} is a photograph
     * (bench photo-like sources: 0.1%; the same as a q90 JPEG: 12%), at or above {@code FLAT_CHART}
     * a chart (bench charts: 89–95%; as a q75 JPEG: 68–76%, since JPEG noise stays near edges).
     */
    static final double FLAT_PHOTO = 0.2, FLAT_CHART = 0.6;

    /** {@code q} anchors and the setting at each, linear between them. */
    private record Curve(int[] q, double[] setting) {
        double at(int quality) {
            int clamped = Math.max(q[0], Math.min(q[q.length - 1], quality));
            int i = 1;
            while (q[i] < clamped) {
                i++;
            }
            double t = (double) (clamped - q[i - 1]) / (q[i] - q[i - 1]);
            return setting[i - 1] + t * (setting[i] - setting[i - 1]);
        }
    }

    // Measured 2026-12-01 (bench/image/formats.sh calibrate 3: three sources of each kind at 360
    // and 700 px); q 1 is each codec's coarsest and q 100 its best, not measured. Below q 50 the
    // photo curve is steep: on texture every codec's SSIM barely moves with its setting there.
    private static final int[] CHART_Q = {1, 20, 30, 40, 50, 60, 70, 80, 90, 95, 100};
    private static final Curve WEBP_CHART =
            new Curve(CHART_Q, new double[] {0, 1.8, 4.1, 7.2, 11.5, 17.4, 24.4, 43.2, 79.5, 90.0, 100});
    private static final Curve AVIF_CHART =
            new Curve(CHART_Q, new double[] {63, 56.4, 54.4, 52.4, 49.5, 47.5, 45.5, 39.6, 30.3, 13.5, 0});
    private static final int[] PHOTO_Q = {1, 20, 30, 50, 70, 80, 90, 95, 100};
    private static final Curve WEBP_PHOTO =
            new Curve(PHOTO_Q, new double[] {0, 0.2, 1.8, 65.4, 86.5, 88.9, 91.2, 93.9, 100});
    private static final Curve AVIF_PHOTO =
            new Curve(PHOTO_Q, new double[] {63, 62.8, 57.3, 32.7, 13.5, 11.6, 9.6, 7.6, 0});

    private QualityScale() {}

    /** libwebp's {@code quality_factor} (0–100) for {@code q} on a picture of {@link #graphic} score {@code graphic}. */
    static float webp(int q, double graphic) {
        return (float) between(WEBP_PHOTO.at(q), WEBP_CHART.at(q), graphic);
    }

    /** The AV1 quantizer (0 best – 63 coarsest), used as both min and max quantizer. */
    static int avifQuantizer(int q, double graphic) {
        return (int) Math.round(between(AVIF_PHOTO.at(q), AVIF_CHART.at(q), graphic));
    }

    /**
     * How chart-like a picture is: 0 a photograph, 1 a chart or table, from the share of pixels
     * exactly equal to their left neighbour (flat colour), linear between {@link #FLAT_PHOTO} and
     * {@link #FLAT_CHART}. One pass over the pixels, well under a millisecond for a gallery image.
     */
    static double graphic(Pixels pixels) {
        int w = pixels.width(), h = pixels.height();
        if (w < 2) {
            return 0; // nothing to judge: the photo table, which spends bytes rather than quality
        }
        long same = 0;
        byte[] bgr = pixels.bgrOrNull();
        if (bgr != null) {
            for (int y = 0; y < h; y++) {
                for (int i = y * w * 3 + 3, end = (y + 1) * w * 3; i < end; i += 3) {
                    if (bgr[i] == bgr[i - 3] && bgr[i + 1] == bgr[i - 2] && bgr[i + 2] == bgr[i - 1]) {
                        same++;
                    }
                }
            }
        } else {
            int[] argb = pixels.argb();
            int mask = pixels.alpha() ? 0xffffffff : 0x00ffffff;
            for (int y = 0; y < h; y++) {
                for (int i = y * w + 1, end = (y + 1) * w; i < end; i++) {
                    if (((argb[i] ^ argb[i - 1]) & mask) == 0) {
                        same++;
                    }
                }
            }
        }
        double flat = (double) same / ((long) (w - 1) * h);
        return Math.max(0, Math.min(1, (flat - FLAT_PHOTO) / (FLAT_CHART - FLAT_PHOTO)));
    }

    private static double between(double photo, double chart, double graphic) {
        return photo + graphic * (chart - photo);
    }
}

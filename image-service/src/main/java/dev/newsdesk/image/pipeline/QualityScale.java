package dev.newsdesk.image.pipeline;

/**
 * One {@code q} (1–100, read as libjpeg's scale) mapped to each codec's own scale, so that one
 * {@code q} gives about the same visual quality in every format: at each anchor below, the WebP
 * quality and the AVIF quantizer are the settings whose mean SSIM against the lossless resize
 * equals that of the JPEG at {@code q}, measured on the bench's gallery set (chart-like and
 * photo-like images at 360 and 700 px). Between anchors the scale is linear. Measured: q80 (JPEG
 * SSIM 0.9758; WebP 83.4, AVIF 24.4). The 50 and 90 anchors are estimates until
 * {@code bench/image/formats.sh calibrate} measures them (image-service README, "Quality mapping").
 */
final class QualityScale {

    /** libaom speed (libavif {@code speed}): 6 keeps encode CPU at or below libvips's default effort. */
    static final int AVIF_SPEED = 6;

    private static final int[] Q = {1, 50, 80, 90, 100};
    private static final int[] WEBP = {0, 50, 83, 91, 100};
    private static final int[] AVIF = {63, 38, 24, 17, 0};

    private QualityScale() {}

    /** libwebp's {@code quality_factor} (0–100). */
    static float webp(int q) {
        return (float) interpolate(q, WEBP);
    }

    /** The AV1 quantizer (0 lossless-like – 63 coarsest) used as both min and max quantizer. */
    static int avifQuantizer(int q) {
        return (int) Math.round(interpolate(q, AVIF));
    }

    private static double interpolate(int q, int[] scale) {
        int clamped = Math.max(Q[0], Math.min(Q[Q.length - 1], q));
        int i = 1;
        while (Q[i] < clamped) {
            i++;
        }
        double t = (double) (clamped - Q[i - 1]) / (Q[i] - Q[i - 1]);
        return scale[i - 1] + t * (scale[i] - scale[i - 1]);
    }
}

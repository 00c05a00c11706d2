package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast resizer (fixed point, spread lanes, ring of rows) against a plain reference: the
 * textbook Lanczos-3 filter, {@code sinc(x) * sinc(x / 3)} for {@code |x| < 3} (Duchon 1979;
 * the definition libvips and Pillow use), written out here in double precision and evaluated
 * pixel by pixel with no shortcut — not the implementation's own kernel table. Fixed point may
 * differ from it by rounding only.
 */
class ResizerTest {

    private final Resizer lanczos = new Resizer(Resizer.Kernel.LANCZOS3);

    @Test
    void matchesTheDoublePrecisionReferenceOnNoisyOpaqueImages() {
        int[][] cases = {{700, 1808, 580, 0}, {700, 996, 360, 0}, {700, 996, 0, 300}, {97, 61, 13, 0}, {5, 3, 2, 0}};
        for (int[] c : cases) {
            int[] argb = noise(c[0], c[1], 0xff000000, new Random(c[0] * 31L + c[1]));
            String options = (c[2] > 0 ? "w:" + c[2] : "") + (c[3] > 0 ? "h:" + c[3] : "");
            Geometry g = Geometry.of(c[0], c[1], ImageOptions.parse(options));
            for (Pixels in : new Pixels[] {new Pixels(c[0], c[1], argb, false), asBgr(c[0], c[1], argb)}) {
                Pixels out = lanczos.resize(in, g);
                assertEquals(g.width(), out.width());
                assertEquals(g.height(), out.height());
                assertClose(reference(argb, c[0], c[1], g, false), out.argb(), 1, options);
            }
        }
    }

    @Test
    void coverCropsTheCentreAndMatchesTheReference() {
        int[] argb = noise(700, 1808, 0xff000000, new Random(7));
        Geometry g = Geometry.of(700, 1808, ImageOptions.parse("w:300/h:300/fit:cover"));
        assertTrue(g.cropY() > 0, "a centre crop");
        assertClose(
                reference(argb, 700, 1808, g, false),
                lanczos.resize(new Pixels(700, 1808, argb, false), g).argb(),
                1,
                "cover");
    }

    @Test
    void sharpBlackAndWhiteEdgesClampInsteadOfWrappingAround() {
        int w = 400, h = 300;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = ((i % w) / 3 + (i / w) / 3) % 2 == 0 ? 0xff000000 : 0xffffffff;
        }
        Geometry g = Geometry.of(w, h, ImageOptions.parse("w:331"));
        assertClose(
                reference(argb, w, h, g, false),
                lanczos.resize(new Pixels(w, h, argb, false), g).argb(),
                1,
                "checkerboard");
    }

    @Test
    void aFlatColourStaysExactlyThatColour() {
        int[] argb = new int[700 * 1000];
        Arrays.fill(argb, 0xff3a7bd5);
        Pixels out =
                lanczos.resize(new Pixels(700, 1000, argb, false), Geometry.of(700, 1000, ImageOptions.parse("w:580")));
        int[] expected = new int[out.width() * out.height()];
        Arrays.fill(expected, 0xff3a7bd5);
        assertArrayEquals(expected, out.argb());
    }

    /**
     * Compared as seen over a background (colour times alpha): a nearly transparent pixel's own
     * colour is ill-conditioned (alpha 2 multiplies any rounding by 127) and invisible anyway.
     */
    @Test
    void transparencyIsResampledPremultipliedLikeTheReference() {
        int[] argb = noise(300, 200, 0, new Random(3));
        Geometry g = Geometry.of(300, 200, ImageOptions.parse("w:170"));
        Pixels out = lanczos.resize(new Pixels(300, 200, argb, true), g);
        assertTrue(out.alpha());
        assertClose(premultiplied(reference(argb, 300, 200, g, true)), premultiplied(out.argb()), 1, "alpha");
    }

    private static int[] premultiplied(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int a = argb[i] >>> 24;
            out[i] = a << 24
                    | channel(((argb[i] >> 16) & 0xff) * a / 255.0) << 16
                    | channel(((argb[i] >> 8) & 0xff) * a / 255.0) << 8
                    | channel((argb[i] & 0xff) * a / 255.0);
        }
        return out;
    }

    private static int[] noise(int w, int h, int alphaMask, Random random) {
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int smooth = ((i % w) * 255 / w) << 16 | ((i / w) * 255 / h) << 8;
            argb[i] = alphaMask == 0
                    ? random.nextInt()
                    : (alphaMask | (random.nextInt(4) == 0 ? random.nextInt() : smooth));
        }
        return argb;
    }

    private static Pixels asBgr(int w, int h, int[] argb) {
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            bgr[i * 3] = (byte) argb[i];
            bgr[i * 3 + 1] = (byte) (argb[i] >> 8);
            bgr[i * 3 + 2] = (byte) (argb[i] >> 16);
        }
        return Pixels.bgr(w, h, bgr);
    }

    private static void assertClose(int[] expected, int[] actual, int tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        int worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int shift = 0; shift < 32; shift += 8) {
                worst = Math.max(worst, Math.abs(((expected[i] >>> shift) & 0xff) - ((actual[i] >>> shift) & 0xff)));
            }
        }
        assertTrue(worst <= tolerance, what + ": a channel differs by " + worst + " from the reference");
    }

    /** The filter written out in double precision: weights per output pixel, then a 2-D sum. */
    private static int[] reference(int[] argb, int w, int h, Geometry g, boolean alpha) {
        double[][] wx = weights(g.cropX(), g.cropWidth(), g.width(), w);
        double[][] wy = weights(g.cropY(), g.cropHeight(), g.height(), h);
        int[] out = new int[g.width() * g.height()];
        for (int oy = 0; oy < g.height(); oy++) {
            for (int ox = 0; ox < g.width(); ox++) {
                double[] sum = new double[4];
                for (int sy = 0; sy < h; sy++) {
                    if (wy[oy][sy] == 0) {
                        continue;
                    }
                    for (int sx = 0; sx < w; sx++) {
                        double weight = wx[ox][sx] * wy[oy][sy];
                        if (weight == 0) {
                            continue;
                        }
                        int c = argb[sy * w + sx];
                        double a = alpha ? (c >>> 24) / 255.0 : 1;
                        sum[0] += weight * ((c >> 16) & 0xff) * a;
                        sum[1] += weight * ((c >> 8) & 0xff) * a;
                        sum[2] += weight * (c & 0xff) * a;
                        sum[3] += weight * (alpha ? (c >>> 24) : 255);
                    }
                }
                int a = channel(sum[3]);
                double un = alpha ? (a == 0 ? 0 : 255.0 / a) : 1;
                out[oy * g.width() + ox] =
                        a << 24 | channel(sum[0] * un) << 16 | channel(sum[1] * un) << 8 | channel(sum[2] * un);
            }
        }
        return out;
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** L(x) = sinc(x) sinc(x/3) on (-3, 3), 0 outside, with sinc(x) = sin(pi x) / (pi x) and sinc(0) = 1. */
    static double lanczos3(double x) {
        return Math.abs(x) >= 3 ? 0 : sinc(x) * sinc(x / 3);
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private static double[][] weights(int cropStart, int cropLength, int outLength, int sourceLength) {
        double scale = (double) cropLength / outLength;
        double filterScale = Math.max(1, scale);
        double radius = 3 * filterScale;
        double[][] weights = new double[outLength][sourceLength];
        for (int i = 0; i < outLength; i++) {
            double centre = cropStart + (i + 0.5) * scale, sum = 0;
            for (int s = Math.max(0, (int) Math.floor(centre - radius));
                    s < Math.min(sourceLength, Math.ceil(centre + radius));
                    s++) {
                weights[i][s] = lanczos3((s + 0.5 - centre) / filterScale);
                sum += weights[i][s];
            }
            for (int s = 0; s < sourceLength; s++) {
                weights[i][s] /= sum;
            }
        }
        return weights;
    }
}

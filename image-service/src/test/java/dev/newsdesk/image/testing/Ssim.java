package dev.newsdesk.image.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004), the measure the quality mapping
 * was calibrated with (bench/image/Formats.java computes the same): luma with BT.601 weights on
 * 0–255, an 11x11 Gaussian window with sigma 1.5, K1 = 0.01, K2 = 0.03, averaged over the
 * window positions that lie fully inside the image.
 */
public final class Ssim {

    private static final int RADIUS = 5;
    private static final double[] WINDOW = window(1.5);

    private Ssim() {}

    public static double of(BufferedImage reference, BufferedImage test) {
        assertEquals(reference.getWidth(), test.getWidth(), "width");
        assertEquals(reference.getHeight(), test.getHeight(), "height");
        int w = reference.getWidth(), h = reference.getHeight();
        double[] x = luma(reference), y = luma(test);
        double[] xx = new double[x.length], yy = new double[x.length], xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = smooth(x, w, h), my = smooth(y, w, h);
        double[] sxx = smooth(xx, w, h), syy = smooth(yy, w, h), sxy = smooth(xy, w, h);
        double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2), sum = 0;
        int n = 0;
        for (int j = RADIUS; j < h - RADIUS; j++) {
            for (int i = RADIUS; i < w - RADIUS; i++) {
                int k = j * w + i;
                double meanProduct = mx[k] * my[k], meanSquares = mx[k] * mx[k] + my[k] * my[k];
                double covariance = sxy[k] - meanProduct, variances = sxx[k] + syy[k] - meanSquares;
                sum += ((2 * meanProduct + c1) * (2 * covariance + c2)) / ((meanSquares + c1) * (variances + c2));
                n++;
            }
        }
        return sum / n;
    }

    private static double[] luma(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        double[] out = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] = 0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff);
        }
        return out;
    }

    private static double[] window(double sigma) {
        double[] k = new double[2 * RADIUS + 1];
        double total = 0;
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.exp(-Math.pow(i - RADIUS, 2) / (2 * sigma * sigma));
            total += k[i];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        return k;
    }

    /** The Gaussian window applied along rows, then columns (it is separable). */
    private static double[] smooth(double[] in, int w, int h) {
        double[] rows = new double[in.length], out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = RADIUS; x < w - RADIUS; x++) {
                double s = 0;
                for (int t = -RADIUS; t <= RADIUS; t++) {
                    s += WINDOW[t + RADIUS] * in[y * w + x + t];
                }
                rows[y * w + x] = s;
            }
        }
        for (int y = RADIUS; y < h - RADIUS; y++) {
            for (int x = RADIUS; x < w - RADIUS; x++) {
                double s = 0;
                for (int t = -RADIUS; t <= RADIUS; t++) {
                    s += WINDOW[t + RADIUS] * rows[(y + t) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}

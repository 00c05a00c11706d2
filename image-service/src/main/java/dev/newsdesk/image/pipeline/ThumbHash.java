package dev.newsdesk.image.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The ThumbHash encoder (format of github.com/evanw/thumbhash, version 0.1): a picture of at most
 * 100×100 RGBA pixels to about 25 bytes holding its average colour, aspect ratio, alpha and the
 * lowest DCT terms of luminance, two chroma channels and alpha.
 * <p>
 * One algorithm, kept in the reference's order of floating-point operations so the bytes equal
 * the reference's for the same pixels: a ±1 step in any quantised term changes the hash. That is
 * also why the cosines come from {@link StrictMath} (fdlibm, which JavaScript engines use too)
 * and not {@link Math}, whose intrinsic may differ in the last bit.
 */
public final class ThumbHash {

    /** The format's limit on either side of the input. */
    public static final int MAX_SIDE = 100;

    private ThumbHash() {}

    /** The hash of {@code w × h} pixels given row by row as RGBA bytes (not premultiplied). */
    public static byte[] encode(int w, int h, byte[] rgba) {
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || rgba.length != w * h * 4) {
            throw new IllegalArgumentException(w + "x" + h + " does not fit in 100x100 or does not match the pixels");
        }
        int n = w * h;
        double avgR = 0, avgG = 0, avgB = 0, avgA = 0;
        for (int i = 0, j = 0; i < n; i++, j += 4) {
            double alpha = (rgba[j + 3] & 0xff) / 255.0;
            avgR += alpha / 255 * (rgba[j] & 0xff);
            avgG += alpha / 255 * (rgba[j + 1] & 0xff);
            avgB += alpha / 255 * (rgba[j + 2] & 0xff);
            avgA += alpha;
        }
        if (avgA > 0) {
            avgR /= avgA;
            avgG /= avgA;
            avgB /= avgA;
        }
        boolean hasAlpha = avgA < n;
        int lLimit = hasAlpha ? 5 : 7; // fewer luminance terms leave room for the alpha ones
        int lx = Math.max(1, (int) Math.round((double) (lLimit * w) / Math.max(w, h)));
        int ly = Math.max(1, (int) Math.round((double) (lLimit * h) / Math.max(w, h)));
        double[] l = new double[n], p = new double[n], q = new double[n], a = new double[n];
        // composite atop the average colour, then RGB to luminance, yellow-blue, red-green
        for (int i = 0, j = 0; i < n; i++, j += 4) {
            double alpha = (rgba[j + 3] & 0xff) / 255.0;
            double r = avgR * (1 - alpha) + alpha / 255 * (rgba[j] & 0xff);
            double g = avgG * (1 - alpha) + alpha / 255 * (rgba[j + 1] & 0xff);
            double b = avgB * (1 - alpha) + alpha / 255 * (rgba[j + 2] & 0xff);
            l[i] = (r + g + b) / 3;
            p[i] = (r + g) / 2 - b;
            q[i] = r - g;
            a[i] = alpha;
        }
        Channel lc = Channel.encode(l, w, h, Math.max(3, lx), Math.max(3, ly));
        Channel pc = Channel.encode(p, w, h, 3, 3);
        Channel qc = Channel.encode(q, w, h, 3, 3);
        Channel ac = hasAlpha ? Channel.encode(a, w, h, 5, 5) : null;

        boolean landscape = w > h;
        int header24 = (int) Math.round(63 * lc.dc)
                | (int) Math.round(31.5 + 31.5 * pc.dc) << 6
                | (int) Math.round(31.5 + 31.5 * qc.dc) << 12
                | (int) Math.round(31 * lc.scale) << 18
                | (hasAlpha ? 1 : 0) << 23;
        int header16 = (landscape ? ly : lx)
                | (int) Math.round(63 * pc.scale) << 3
                | (int) Math.round(63 * qc.scale) << 9
                | (landscape ? 1 : 0) << 15;
        int acStart = hasAlpha ? 6 : 5;
        int acCount = lc.ac.length + pc.ac.length + qc.ac.length + (hasAlpha ? ac.ac.length : 0);
        byte[] hash = new byte[acStart + (acCount + 1) / 2];
        hash[0] = (byte) header24;
        hash[1] = (byte) (header24 >> 8);
        hash[2] = (byte) (header24 >> 16);
        hash[3] = (byte) header16;
        hash[4] = (byte) (header16 >> 8);
        if (hasAlpha) {
            hash[5] = (byte) ((int) Math.round(15 * ac.dc) | (int) Math.round(15 * ac.scale) << 4);
        }
        int index = 0;
        for (Channel c : hasAlpha ? List.of(lc, pc, qc, ac) : List.of(lc, pc, qc)) {
            for (double f : c.ac) {
                hash[acStart + (index >> 1)] |= (byte) ((int) Math.round(15 * f) << ((index & 1) << 2));
                index++;
            }
        }
        return hash;
    }

    /** One channel's DC term, its AC terms normalised to 0..1, and the scale that undoes that. */
    private record Channel(double dc, double[] ac, double scale) {

        static Channel encode(double[] channel, int w, int h, int nx, int ny) {
            double dc = 0, scale = 0;
            List<Double> ac = new ArrayList<>();
            double[] fx = new double[w];
            for (int cy = 0; cy < ny; cy++) {
                for (int cx = 0; cx * ny < nx * (ny - cy); cx++) {
                    double f = 0;
                    for (int x = 0; x < w; x++) {
                        fx[x] = StrictMath.cos(Math.PI / w * cx * (x + 0.5));
                    }
                    for (int y = 0; y < h; y++) {
                        double fy = StrictMath.cos(Math.PI / h * cy * (y + 0.5));
                        for (int x = 0; x < w; x++) {
                            f += channel[x + y * w] * fx[x] * fy;
                        }
                    }
                    f /= w * h;
                    if (cx > 0 || cy > 0) {
                        ac.add(f);
                        scale = Math.max(scale, Math.abs(f));
                    } else {
                        dc = f;
                    }
                }
            }
            double[] normalised = new double[ac.size()];
            for (int i = 0; i < normalised.length; i++) {
                normalised[i] = scale > 0 ? 0.5 + 0.5 / scale * ac.get(i) : ac.get(i);
            }
            return new Channel(dc, normalised, scale);
        }
    }
}

package dev.newsdesk.image.pipeline;

import java.util.Arrays;

/**
 * The crop/scale step: a separable resampling filter (two 1-D passes with precomputed weights),
 * the kernel widened by the shrink factor so every source pixel contributes (no aliasing,
 * unlike nearest or plain bilinear). Images with alpha are resampled premultiplied, so
 * transparent pixels do not bleed their colour into the edges.
 * <p>
 * Speed is the point of the layout: a resize is most of an uncached request's CPU. Integer
 * arithmetic throughout (fixed-point weights), the horizontal pass first into a ring of only
 * the rows the vertical filter spans (it stays in the CPU cache; nothing the size of the
 * source is allocated), planar rows so the vertical pass is a plain loop the JIT vectorises,
 * and opaque images read and written as BGR bytes, the JPEG codec's own layout.
 */
public final class Resizer {

    /** A resampling kernel: its support radius (in output pixels) and its weight function. */
    public enum Kernel {
        /** Lanczos a=3: sharp, the reference quality. */
        LANCZOS3(3) {
            @Override
            double weight(double x) {
                x = Math.abs(x);
                if (x < 1e-8) {
                    return 1;
                }
                if (x >= 3) {
                    return 0;
                }
                double px = Math.PI * x;
                return 3 * Math.sin(px) * Math.sin(px / 3) / (px * px);
            }
        },
        /** Catmull-Rom cubic (B=0, C=0.5): nearly as sharp, two thirds of Lanczos3's taps. */
        CATMULL_ROM(2) {
            @Override
            double weight(double x) {
                x = Math.abs(x);
                if (x < 1) {
                    return 1.5 * x * x * x - 2.5 * x * x + 1;
                }
                if (x < 2) {
                    return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
                }
                return 0;
            }
        };

        final double support;

        Kernel(double support) {
            this.support = support;
        }

        abstract double weight(double x);
    }

    private final Kernel kernel;

    public Resizer(Kernel kernel) {
        this.kernel = kernel;
    }

    public Pixels resize(Pixels in, Geometry g) {
        if (g.isIdentity()) {
            return in;
        }
        Weights wx = weights(g.cropX(), g.cropWidth(), g.width(), in.width());
        Weights wy = weights(g.cropY(), g.cropHeight(), g.height(), in.height());
        return new Pass(in, wx, wy).run();
    }

    /** Fractional bits kept in the rows between the passes (1/16 of a level). */
    private static final int ROW_BITS = 4;
    /** A lane of the spread horizontal sum holds a signed value of 21 bits. */
    private static final long LANE_LIMIT = 1L << 20;

    /** One resize: the weights of both axes, the ring of horizontally resized rows, the output. */
    private static final class Pass {
        private final int width, channels, outW, outH;
        private final int[] argb;
        private final byte[] bgr;
        private final Weights wx, wy;
        private final Fixed fx, fy;
        /** The horizontal windows, trimmed and padded to {@link #taps} each (see {@link Weights#packed}). */
        private final int[] hweight, hstart;

        private final int taps;
        /** ring[slot][channel][x]: horizontally resized source rows; ringRow[slot] says which. */
        private final int[][][] ring;

        private final int[] ringRow;
        private final long[] spread;

        Pass(Pixels in, Weights wx, Weights wy) {
            this.width = in.width();
            this.channels = in.alpha() ? 4 : 3;
            this.bgr = in.alpha() ? null : in.bgrOrNull();
            this.argb = bgr == null ? in.argb() : null;
            this.wx = wx;
            this.wy = wy;
            this.outW = wx.start.length;
            this.outH = wy.start.length;
            // Horizontal: every lane of a spread sum within ±2^20. Vertical: an int accumulator
            // of rows up to 255 << ROW_BITS times the horizontal weights' absolute sum.
            this.fx = wx.fixed(LANE_LIMIT / 255.0);
            this.fy = wy.fixed(Integer.MAX_VALUE / (255.0 * (1 << ROW_BITS) * (wx.maxAbsSum + 0.01)));
            this.hstart = new int[outW];
            this.hweight = wx.packed(fx, hstart);
            this.taps = hweight.length / outW;
            int slots = wy.maxCount + 1;
            this.ring = new int[slots][channels][outW];
            this.ringRow = new int[slots];
            Arrays.fill(ringRow, -1);
            // a padded window may reach up to taps - 1 entries past the last source pixel: zeros
            this.spread = new long[wx.last - wx.first + 1 + taps];
        }

        Pixels run() {
            int[][] acc = new int[channels][outW];
            byte[] outBgr = channels == 3 ? new byte[outW * outH * 3] : null;
            int[] outArgb = channels == 4 ? new int[outW * outH] : null;
            int shift = fy.bits + ROW_BITS, half = 1 << (shift - 1);
            for (int y = 0; y < outH; y++) {
                for (int[] plane : acc) {
                    Arrays.fill(plane, half);
                }
                int start = wy.start[y], n = wy.count[y], off = wy.offset[y];
                for (int k = 0; k < n; k++) {
                    int w = fy.weight[off + k];
                    int[][] row = row(start + k);
                    for (int c = 0; c < channels; c++) {
                        int[] a = acc[c], r = row[c];
                        for (int x = 0; x < outW; x++) {
                            a[x] += w * r[x];
                        }
                    }
                }
                if (channels == 3) {
                    int[] r = acc[0], gr = acc[1], b = acc[2];
                    for (int[] a : acc) {
                        for (int x = 0; x < outW; x++) {
                            a[x] = Math.max(0, Math.min(255, a[x] >> shift));
                        }
                    }
                    for (int x = 0, o = y * outW * 3; x < outW; x++, o += 3) {
                        outBgr[o] = (byte) b[x];
                        outBgr[o + 1] = (byte) gr[x];
                        outBgr[o + 2] = (byte) r[x];
                    }
                } else {
                    unpremultiply(acc, shift, half, outArgb, y * outW);
                }
            }
            return channels == 3 ? Pixels.bgr(outW, outH, outBgr) : new Pixels(outW, outH, outArgb, true);
        }

        /** Source row {@code sy}, resized horizontally; computed once, kept while the filter needs it. */
        private int[][] row(int sy) {
            int slot = sy % ringRow.length;
            if (ringRow[slot] != sy) {
                if (channels == 4) {
                    horizontalPremultiplied(sy, ring[slot]);
                } else {
                    horizontal(sy, ring[slot]);
                }
                ringRow[slot] = sy;
            }
            return ring[slot];
        }

        /**
         * Opaque rows, three channels at once: each source pixel is spread into one long (red at
         * bit 42, green at 21, blue at 0), so a tap is one multiply and one add for all three.
         * Each lane's sum is exact and within ±2^20 (the weights' precision is chosen for that),
         * so sign-extending the lanes from the bottom up recovers them, negative Lanczos lobes
         * borrowing across lanes included.
         */
        private void horizontal(int sy, int[][] dst) {
            long[] spread = this.spread;
            if (bgr != null) {
                for (int x = wx.first, i = 0, j = (sy * width + x) * 3; x <= wx.last; x++, i++, j += 3) {
                    spread[i] = (long) (bgr[j + 2] & 0xff) << 42 | (long) (bgr[j + 1] & 0xff) << 21 | (bgr[j] & 0xff);
                }
            } else {
                for (int x = wx.first, i = 0, j = sy * width + x; x <= wx.last; x++, i++, j++) {
                    int c = argb[j];
                    spread[i] = (long) ((c >> 16) & 0xff) << 42 | (long) ((c >> 8) & 0xff) << 21 | (c & 0xff);
                }
            }
            int[] r = dst[0], gr = dst[1], b = dst[2];
            int[] weight = hweight;
            int taps = this.taps;
            int shift = fx.bits - ROW_BITS;
            long half = 1L << (shift - 1);
            for (int x = 0, off = 0; x < outW; x++, off += taps) {
                int p = hstart[x] - wx.first;
                // A constant tap count lets the JIT unroll the loop completely: twice as fast as
                // the same loop with a bound it only learns at run time. 5–13 taps: Catmull-Rom
                // and Lanczos3 up to a 2× shrink, where most renditions of a gallery fall; larger
                // shrinks take the loop with the bound.
                long sum = switch (taps) {
                    case 5 -> dot(spread, p, weight, off, 5);
                    case 6 -> dot(spread, p, weight, off, 6);
                    case 7 -> dot(spread, p, weight, off, 7);
                    case 8 -> dot(spread, p, weight, off, 8);
                    case 9 -> dot(spread, p, weight, off, 9);
                    case 10 -> dot(spread, p, weight, off, 10);
                    case 11 -> dot(spread, p, weight, off, 11);
                    case 12 -> dot(spread, p, weight, off, 12);
                    case 13 -> dot(spread, p, weight, off, 13);
                    default -> dot(spread, p, weight, off, taps);
                };
                long blue = sum << 43 >> 43;
                sum = (sum - blue) >> 21;
                long green = sum << 43 >> 43;
                long red = (sum - green) >> 21;
                r[x] = (int) ((red + half) >> shift);
                gr[x] = (int) ((green + half) >> shift);
                b[x] = (int) ((blue + half) >> shift);
            }
        }

        private static long dot(long[] spread, int p, int[] weight, int off, int taps) {
            long sum = 0;
            for (int k = 0; k < taps; k++) {
                sum += spread[p + k] * weight[off + k];
            }
            return sum;
        }

        /** Rows with alpha, premultiplied so transparent pixels do not bleed colour; in float. */
        private void horizontalPremultiplied(int sy, int[][] dst) {
            int base = sy * width;
            float scale = 1 << ROW_BITS;
            for (int x = 0; x < outW; x++) {
                int p = base + wx.start[x], n = wx.count[x], off = wx.offset[x];
                float sr = 0, sg = 0, sb = 0, sa = 0;
                for (int k = 0; k < n; k++) {
                    int c = argb[p + k];
                    float w = wx.weight[off + k];
                    float a = (c >>> 24) * (1 / 255f);
                    sr += ((c >> 16) & 0xff) * a * w;
                    sg += ((c >> 8) & 0xff) * a * w;
                    sb += (c & 0xff) * a * w;
                    sa += (c >>> 24) * w;
                }
                dst[0][x] = Math.round(sr * scale);
                dst[1][x] = Math.round(sg * scale);
                dst[2][x] = Math.round(sb * scale);
                dst[3][x] = Math.round(sa * scale);
            }
        }

        /** Divides by alpha at full precision (before rounding), so faint pixels keep their colour. */
        private void unpremultiply(int[][] acc, int shift, int half, int[] out, int from) {
            for (int x = 0; x < outW; x++) {
                int a = Math.max(0, Math.min(255, acc[3][x] >> shift));
                long scaled = (long) a << shift;
                int argb = a << 24;
                for (int c = 0; c < 3; c++) {
                    long v = a == 0 ? 0 : ((acc[c][x] - half) * 255L + scaled / 2) / scaled;
                    argb |= (int) Math.max(0, Math.min(255, v)) << (16 - 8 * c);
                }
                out[from + x] = argb;
            }
        }
    }

    /** Fixed-point weights: each window sums to exactly {@code 1 << bits}. */
    private record Fixed(int[] weight, int bits) {}

    private static final class Weights {
        int[] start, count, offset;
        float[] weight;
        int used, maxCount;
        double maxAbsSum;
        int first = Integer.MAX_VALUE, last = -1;

        /**
         * The most precise fixed point (at most 14 bits, at least 5) for which a window's
         * absolute weights, rounding included, stay under {@code limit}.
         */
        Fixed fixed(double limit) {
            int bits = 14;
            while (bits > 5 && maxAbsSum * (1 << bits) + maxCount >= limit) {
                bits--;
            }
            int one = 1 << bits;
            int[] fixed = new int[used];
            for (int i = 0; i < start.length; i++) {
                int off = offset[i], n = count[i], sum = 0, centre = off;
                for (int k = 0; k < n; k++) {
                    fixed[off + k] = Math.round(weight[off + k] * one);
                    sum += fixed[off + k];
                    if (weight[off + k] > weight[centre]) {
                        centre = off + k;
                    }
                }
                fixed[centre] += one - sum; // the rounding error onto the largest tap: flat areas stay exact
            }
            return new Fixed(fixed, bits);
        }

        /**
         * {@code fixed}'s windows laid out for the horizontal pass, every window the same length
         * ({@code taps}, the returned array's length over the window count), so the inner loop
         * has a constant bound: window i at {@code i * taps}, its zero weights at either end
         * trimmed (the kernel's tails round to nothing in fixed point), {@code starts[i]} its
         * first source pixel, and padded with zeros after its last tap.
         */
        int[] packed(Fixed fixed, int[] starts) {
            int[] w = fixed.weight();
            int[] from = new int[start.length], to = new int[start.length];
            int taps = 1;
            for (int i = 0; i < start.length; i++) {
                int lo = offset[i], hi = offset[i] + count[i] - 1;
                while (lo < hi && w[lo] == 0) {
                    lo++;
                }
                while (hi > lo && w[hi] == 0) {
                    hi--;
                }
                from[i] = lo;
                to[i] = hi;
                taps = Math.max(taps, hi - lo + 1);
            }
            int[] packed = new int[start.length * taps];
            for (int i = 0; i < start.length; i++) {
                starts[i] = start[i] + from[i] - offset[i];
                System.arraycopy(w, from[i], packed, i * taps, to[i] - from[i] + 1);
            }
            return packed;
        }
    }

    /** For each output index: the source range it reads and the normalised weights. */
    private Weights weights(int cropStart, int cropLength, int outLength, int sourceLength) {
        double scale = (double) cropLength / outLength;
        double filterScale = Math.max(1, scale);
        double radius = kernel.support * filterScale;
        int maxTaps = (int) Math.ceil(radius) * 2 + 1;
        Weights w = new Weights();
        w.start = new int[outLength];
        w.count = new int[outLength];
        w.offset = new int[outLength];
        w.weight = new float[outLength * maxTaps];
        double[] tmp = new double[maxTaps + 2];
        int used = 0;
        for (int i = 0; i < outLength; i++) {
            double centre = cropStart + (i + 0.5) * scale;
            int lo = Math.max(0, (int) Math.floor(centre - radius));
            int hi = Math.min(sourceLength - 1, (int) Math.ceil(centre + radius) - 1);
            double sum = 0;
            int n = 0;
            for (int s = lo; s <= hi && n < tmp.length; s++, n++) {
                double v = kernel.weight((s + 0.5 - centre) / filterScale);
                tmp[n] = v;
                sum += v;
            }
            if (used + n > w.weight.length) {
                w.weight = Arrays.copyOf(w.weight, (used + n) * 2);
            }
            double abs = 0;
            for (int k = 0; k < n; k++) {
                w.weight[used + k] = (float) (sum == 0 ? 0 : tmp[k] / sum);
                abs += Math.abs(w.weight[used + k]);
            }
            w.start[i] = lo;
            w.count[i] = n;
            w.offset[i] = used;
            used += n;
            w.first = Math.min(w.first, lo);
            w.last = Math.max(w.last, lo + n - 1);
            w.maxCount = Math.max(w.maxCount, n);
            w.maxAbsSum = Math.max(w.maxAbsSum, abs);
        }
        w.used = used;
        return w;
    }
}

package dev.newsdesk.image.pipeline;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * A small pure-Java WebP encoder writing the lossless bitstream (VP8L, RFC 9649 section 3):
 * the subtract-green transform, a predictor transform with one of four modes chosen per 16x16
 * block, and one group of canonical prefix codes over the residuals (no colour cache, no
 * backward references). Pure Java on purpose: the JNI wrappers of libwebp load a bundled
 * shared library at run time, which a native image does not do without extra configuration.
 * The price: lossless only, so photographs come out larger than a lossy encoder's WebP.
 */
public final class WebpLosslessEncoder {

    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int BLOCK_BITS = 4;
    private static final int[] MODES = {1, 2, 7, 12};

    private WebpLosslessEncoder() {
    }

    public static byte[] encode(Pixels pixels) {
        int w = pixels.width(), h = pixels.height();
        if (w > 16384 || h > 16384) {
            throw new IllegalArgumentException("WebP is limited to 16384 pixels per side");
        }
        int[] argb = pixels.argb().clone();
        if (!pixels.alpha()) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] |= 0xff000000;
            }
        }
        BitWriter out = new BitWriter(argb.length);
        out.put(0x2f, 8);
        out.put(w - 1, 14);
        out.put(h - 1, 14);
        out.put(pixels.alpha() ? 1 : 0, 1);
        out.put(0, 3);
        // transform 1: subtract green
        out.put(1, 1);
        out.put(2, 2);
        subtractGreen(argb);
        // transform 2: predictor
        out.put(1, 1);
        out.put(0, 2);
        out.put(BLOCK_BITS - 2, 3);
        int bw = (w + (1 << BLOCK_BITS) - 1) >> BLOCK_BITS, bh = (h + (1 << BLOCK_BITS) - 1) >> BLOCK_BITS;
        int[] modes = chooseModes(argb, w, h, bw, bh);
        int[] modeImage = new int[modes.length];
        for (int i = 0; i < modes.length; i++) {
            modeImage[i] = 0xff000000 | modes[i] << 8;
        }
        writeEntropyImage(out, modeImage);
        int[] residuals = residuals(argb, w, h, modes, bw);
        out.put(0, 1); // no more transforms
        out.put(0, 1); // no colour cache
        out.put(0, 1); // one prefix-code group for the whole image
        writeCodesAndPixels(out, residuals);
        byte[] vp8l = out.toBytes();
        ByteArrayOutputStream file = new ByteArrayOutputStream(vp8l.length + 21);
        int padded = vp8l.length + (vp8l.length & 1);
        file.writeBytes(new byte[] {'R', 'I', 'F', 'F'});
        le32(file, 4 + 8 + padded);
        file.writeBytes(new byte[] {'W', 'E', 'B', 'P', 'V', 'P', '8', 'L'});
        le32(file, vp8l.length);
        file.writeBytes(vp8l);
        if ((vp8l.length & 1) == 1) {
            file.write(0);
        }
        return file.toByteArray();
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static void subtractGreen(int[] argb) {
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int g = (p >> 8) & 0xff;
            int r = (((p >> 16) & 0xff) - g) & 0xff;
            int b = ((p & 0xff) - g) & 0xff;
            argb[i] = (p & 0xff00ff00) | r << 16 | b;
        }
    }

    /** The prediction for pixel (x, y) with {@code mode}, including the spec's border rules. */
    private static int predict(int[] p, int w, int x, int y, int mode) {
        if (y == 0) {
            return x == 0 ? 0xff000000 : p[x - 1];
        }
        int top = p[(y - 1) * w + x];
        if (x == 0) {
            return top;
        }
        int left = p[y * w + x - 1];
        return switch (mode) {
            case 1 -> left;
            case 2 -> top;
            case 7 -> average2(left, top);
            default -> clampAddSubtract(left, top, p[(y - 1) * w + x - 1]);
        };
    }

    private static int average2(int a, int b) {
        return (((a ^ b) & 0xfefefefe) >>> 1) + (a & b);
    }

    private static int clampAddSubtract(int a, int b, int c) {
        int result = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int v = ((a >>> shift) & 0xff) + ((b >>> shift) & 0xff) - ((c >>> shift) & 0xff);
            result |= (v < 0 ? 0 : Math.min(v, 255)) << shift;
        }
        return result;
    }

    private static int sub(int pixel, int prediction) {
        int result = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            result |= ((((pixel >>> shift) & 0xff) - ((prediction >>> shift) & 0xff)) & 0xff) << shift;
        }
        return result;
    }

    private static int cost(int residual) {
        int c = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int v = (residual >>> shift) & 0xff;
            c += v < 128 ? v : 256 - v;
        }
        return c;
    }

    private static int[] chooseModes(int[] p, int w, int h, int bw, int bh) {
        int[] modes = new int[bw * bh];
        int size = 1 << BLOCK_BITS;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                long best = Long.MAX_VALUE;
                int bestMode = 1;
                for (int mode : MODES) {
                    long total = 0;
                    for (int y = by * size; y < Math.min(h, (by + 1) * size); y++) {
                        for (int x = bx * size; x < Math.min(w, (bx + 1) * size); x++) {
                            total += cost(sub(p[y * w + x], predict(p, w, x, y, mode)));
                        }
                    }
                    if (total < best) {
                        best = total;
                        bestMode = mode;
                    }
                }
                modes[by * bw + bx] = bestMode;
            }
        }
        return modes;
    }

    private static int[] residuals(int[] p, int w, int h, int[] modes, int bw) {
        int[] r = new int[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mode = modes[(y >> BLOCK_BITS) * bw + (x >> BLOCK_BITS)];
                r[y * w + x] = sub(p[y * w + x], predict(p, w, x, y, mode));
            }
        }
        return r;
    }

    private static void writeEntropyImage(BitWriter out, int[] argb) {
        out.put(0, 1); // no colour cache
        writeCodesAndPixels(out, argb);
    }

    /** Five prefix codes (green, red, blue, alpha, distance), then every pixel as four literals. */
    private static void writeCodesAndPixels(BitWriter out, int[] argb) {
        int[][] counts = {new int[256 + 24], new int[256], new int[256], new int[256], new int[40]};
        for (int p : argb) {
            counts[0][(p >> 8) & 0xff]++;
            counts[1][(p >> 16) & 0xff]++;
            counts[2][p & 0xff]++;
            counts[3][p >>> 24]++;
        }
        counts[4][0] = 1;
        Code[] codes = new Code[5];
        for (int i = 0; i < 5; i++) {
            codes[i] = writeCode(out, counts[i]);
        }
        Code g = codes[0], r = codes[1], b = codes[2], a = codes[3];
        for (int p : argb) {
            int gs = (p >> 8) & 0xff, rs = (p >> 16) & 0xff, bs = p & 0xff, as = p >>> 24;
            out.put(g.bits[gs], g.lengths[gs]);
            out.put(r.bits[rs], r.lengths[rs]);
            out.put(b.bits[bs], b.lengths[bs]);
            out.put(a.bits[as], a.lengths[as]);
        }
    }

    /** Bits to emit per symbol: reversed canonical codes, lengths as emitted (0 for a lone symbol). */
    private record Code(int[] bits, int[] lengths) {
    }

    private static Code writeCode(BitWriter out, int[] counts) {
        int used = 0, first = -1, second = -1;
        for (int s = 0; s < counts.length; s++) {
            if (counts[s] > 0) {
                used++;
                if (first < 0) {
                    first = s;
                } else if (second < 0) {
                    second = s;
                }
            }
        }
        int[] lengths = new int[counts.length];
        int[] bits = new int[counts.length];
        if (used <= 2 && (used == 0 || first < 256) && (second < 256)) {
            // simple code: one symbol (zero bits) or two (one bit each)
            int s0 = Math.max(first, 0);
            out.put(1, 1);
            out.put(used == 2 ? 1 : 0, 1);
            boolean eightBits = s0 > 1;
            out.put(eightBits ? 1 : 0, 1);
            out.put(s0, eightBits ? 8 : 1);
            if (used == 2) {
                out.put(second, 8);
                lengths[s0] = 1;
                lengths[second] = 1;
                bits[second] = 1;
            }
            return new Code(bits, lengths);
        }
        int[] depth = limitedLengths(counts, 15);
        out.put(0, 1);
        writeLengths(out, depth);
        int[] codes = canonical(depth, 15);
        for (int s = 0; s < depth.length; s++) {
            bits[s] = reverse(codes[s], depth[s]);
        }
        return new Code(bits, depth);
    }

    /** Code lengths of a normal prefix code, themselves prefix-coded with runs of zeros (17, 18). */
    private static void writeLengths(BitWriter out, int[] depth) {
        int[] tokens = new int[depth.length];
        int[] extra = new int[depth.length];
        int n = 0;
        for (int i = 0; i < depth.length;) {
            if (depth[i] == 0) {
                int run = 0;
                while (i + run < depth.length && depth[i + run] == 0 && run < 138) {
                    run++;
                }
                if (run >= 11) {
                    tokens[n] = 18;
                    extra[n++] = run - 11;
                    i += run;
                    continue;
                }
                if (run >= 3) {
                    tokens[n] = 17;
                    extra[n++] = run - 3;
                    i += run;
                    continue;
                }
            }
            tokens[n++] = depth[i++];
        }
        int[] counts = new int[19];
        for (int i = 0; i < n; i++) {
            counts[tokens[i]]++;
        }
        int used = 0;
        for (int c : counts) {
            used += c > 0 ? 1 : 0;
        }
        int[] clDepth = limitedLengths(counts, 7);
        int[] clCodes = canonical(clDepth, 7);
        int last = 3;
        for (int i = 0; i < 19; i++) {
            if (clDepth[CODE_LENGTH_ORDER[i]] > 0) {
                last = Math.max(last, i);
            }
        }
        out.put(last + 1 - 4, 4);
        for (int i = 0; i <= last; i++) {
            out.put(clDepth[CODE_LENGTH_ORDER[i]], 3);
        }
        out.put(0, 1); // max_symbol = alphabet size
        for (int i = 0; i < n; i++) {
            int t = tokens[i];
            if (used > 1) { // a lone code-length symbol is read with zero bits
                out.put(reverse(clCodes[t], clDepth[t]), clDepth[t]);
            }
            if (t == 17) {
                out.put(extra[i], 3);
            } else if (t == 18) {
                out.put(extra[i], 7);
            }
        }
    }

    /** Huffman code lengths no longer than {@code limit}; a lone symbol gets length 1. */
    static int[] limitedLengths(int[] counts, int limit) {
        int[] c = counts.clone();
        while (true) {
            int[] depth = huffman(c);
            int max = Arrays.stream(depth).max().orElse(0);
            if (max <= limit) {
                return depth;
            }
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    c[i] = Math.max(1, c[i] >> 1);
                }
            }
        }
    }

    private static int[] huffman(int[] counts) {
        int n = counts.length;
        int[] depth = new int[n];
        int[] parent = new int[2 * n];
        long[] weight = new long[2 * n];
        PriorityQueue<Integer> queue = new PriorityQueue<>((x, y) -> weight[x] != weight[y] ? Long.compare(weight[x], weight[y]) : Integer.compare(x, y));
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                weight[s] = counts[s];
                queue.add(s);
            }
        }
        if (queue.size() == 1) {
            depth[queue.peek()] = 1;
            return depth;
        }
        int next = n;
        Arrays.fill(parent, -1);
        while (queue.size() > 1) {
            int x = queue.poll(), y = queue.poll();
            weight[next] = weight[x] + weight[y];
            parent[x] = next;
            parent[y] = next;
            queue.add(next++);
        }
        for (int s = 0; s < n; s++) {
            if (counts[s] > 0) {
                int d = 0;
                for (int q = s; parent[q] >= 0; q = parent[q]) {
                    d++;
                }
                depth[s] = d;
            }
        }
        return depth;
    }

    private static int[] canonical(int[] depth, int limit) {
        int[] perLength = new int[limit + 1];
        for (int d : depth) {
            if (d > 0) {
                perLength[d]++;
            }
        }
        int[] nextCode = new int[limit + 2];
        int code = 0;
        for (int bits = 1; bits <= limit; bits++) {
            code = (code + perLength[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        int[] codes = new int[depth.length];
        for (int s = 0; s < depth.length; s++) {
            if (depth[s] > 0) {
                codes[s] = nextCode[depth[s]]++;
            }
        }
        return codes;
    }

    private static int reverse(int code, int length) {
        return length == 0 ? 0 : Integer.reverse(code) >>> (32 - length);
    }

    /** Least-significant-bit-first bit packing, as VP8L reads. */
    private static final class BitWriter {
        private byte[] buffer;
        private int size;
        private long acc;
        private int used;

        BitWriter(int hint) {
            buffer = new byte[Math.max(1024, hint)];
        }

        void put(int value, int bits) {
            if (bits == 0) {
                return;
            }
            acc |= ((long) value & ((1L << bits) - 1)) << used;
            used += bits;
            while (used >= 8) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[size++] = (byte) acc;
                acc >>>= 8;
                used -= 8;
            }
        }

        byte[] toBytes() {
            if (used > 0) {
                put(0, 8 - used);
            }
            return Arrays.copyOf(buffer, size);
        }
    }
}

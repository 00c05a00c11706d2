package dev.newsdesk.image.pipeline;

/**
 * EXIF orientation (tag 0x0112): read from a JPEG's APP1 segment without a metadata library,
 * and applied to the pixels so every output is upright and carries no EXIF (metadata is
 * stripped on encoding, so an unapplied orientation would be lost).
 */
public final class Orientation {

    private Orientation() {}

    /** The orientation 1–8 of a JPEG's EXIF block, 1 when absent, unreadable or not a JPEG. */
    public static int read(byte[] jpeg) {
        int[] exif = JpegSegments.find(jpeg, JpegSegments.APP1, "Exif");
        return exif == null || exif[1] - exif[0] < 14 ? 1 : fromTiff(jpeg, exif[0] + 6, exif[1]);
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        int ifd = tiff + (int) u32(b, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > end) {
            return 1;
        }
        int entries = u16(b, ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little
                ? ((long) u16(b, at + 2, true) << 16) | u16(b, at, true)
                : ((long) u16(b, at, false) << 16) | u16(b, at + 2, false);
    }

    /** True for the orientations that swap width and height (5–8: transposed or rotated 90°). */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }

    /** Returns the pixels turned upright for {@code orientation} (1 returns them unchanged). */
    public static Pixels apply(Pixels in, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return in;
        }
        int w = in.width(), h = in.height();
        boolean swap = swapsAxes(orientation);
        int ow = swap ? h : w, oh = swap ? w : h;
        int[] src = in.argb();
        int[] out = new int[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ox, oy;
                switch (orientation) {
                    case 2 -> {
                        ox = w - 1 - x;
                        oy = y;
                    } // mirrored horizontally
                    case 3 -> {
                        ox = w - 1 - x;
                        oy = h - 1 - y;
                    } // rotated 180
                    case 4 -> {
                        ox = x;
                        oy = h - 1 - y;
                    } // mirrored vertically
                    case 5 -> {
                        ox = y;
                        oy = x;
                    } // transposed
                    case 6 -> {
                        ox = h - 1 - y;
                        oy = x;
                    } // needs 90 clockwise
                    case 7 -> {
                        ox = h - 1 - y;
                        oy = w - 1 - x;
                    } // transversed
                    default -> {
                        ox = y;
                        oy = w - 1 - x;
                    } // 8: needs 90 counter-clockwise
                }
                out[oy * ow + ox] = src[y * w + x];
            }
        }
        return new Pixels(ow, oh, out, in.alpha());
    }
}

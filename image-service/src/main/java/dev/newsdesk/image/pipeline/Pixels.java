package dev.newsdesk.image.pipeline;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * A decoded image between pipeline steps, sRGB, row-major, in one of two layouts: packed ARGB
 * (one int per pixel; {@code alpha} false means the alpha byte is ignored), or, for opaque
 * images, 3-byte BGR, the layout the JDK's JPEG codec reads and writes. The JPEG-to-JPEG path,
 * nearly all of the traffic, stays in BGR from decoder to encoder with no conversion pass;
 * any other step asks for {@link #argb()}, which converts once.
 */
public final class Pixels {

    private final int width;
    private final int height;
    private final boolean alpha;
    private int[] argb;
    private final byte[] bgr;

    public Pixels(int width, int height, int[] argb, boolean alpha) {
        this.width = width;
        this.height = height;
        this.argb = argb;
        this.alpha = alpha;
        this.bgr = null;
    }

    private Pixels(int width, int height, byte[] bgr) {
        this.width = width;
        this.height = height;
        this.bgr = bgr;
        this.alpha = false;
    }

    /** An opaque image as 3-byte BGR rows without padding ({@code width * 3} bytes each). */
    public static Pixels bgr(int width, int height, byte[] bgr) {
        return new Pixels(width, height, bgr);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean alpha() {
        return alpha;
    }

    /** The BGR bytes when this image is held that way, else null. */
    public byte[] bgrOrNull() {
        return bgr;
    }

    /** Opaque pixels as packed 3-byte BGR rows: the held bytes, or packed from ARGB (alpha dropped). */
    public byte[] bgrBytes() {
        if (bgr != null) {
            return bgr;
        }
        byte[] data = new byte[argb.length * 3];
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            int c = argb[i];
            data[j] = (byte) c;
            data[j + 1] = (byte) (c >> 8);
            data[j + 2] = (byte) (c >> 16);
        }
        return data;
    }

    public int[] argb() {
        if (argb == null) {
            int[] packed = new int[width * height];
            for (int i = 0, j = 0; i < packed.length; i++, j += 3) {
                packed[i] = 0xff000000 | (bgr[j + 2] & 0xff) << 16 | (bgr[j + 1] & 0xff) << 8 | (bgr[j] & 0xff);
            }
            argb = packed;
        }
        return argb;
    }

    /** As a BufferedImage: BGR bytes are wrapped without a copy; ARGB is copied into a raster. */
    public BufferedImage toBufferedImage() {
        if (bgr != null) {
            WritableRaster raster = Raster.createInterleavedRaster(
                    new DataBufferByte(bgr, bgr.length), width, height, width * 3, 3, new int[] {2, 1, 0}, null);
            // A new colour model each time, not a static: AWT objects must not be built at
            // native-image build time (they would land in the image heap, which fails).
            ColorModel opaqueSrgb = new ComponentColorModel(
                    ColorSpace.getInstance(ColorSpace.CS_sRGB),
                    false,
                    false,
                    Transparency.OPAQUE,
                    DataBuffer.TYPE_BYTE);
            return new BufferedImage(opaqueSrgb, raster, false, null); // Java2D sees TYPE_3BYTE_BGR
        }
        BufferedImage image =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        image.getRaster().setDataElements(0, 0, width, height, argb);
        return image;
    }
}

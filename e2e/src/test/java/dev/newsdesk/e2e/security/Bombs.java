package dev.newsdesk.e2e.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Decompression bombs: valid headers declaring huge images, with almost no data behind them. */
final class Bombs {

    private Bombs() {}

    /** A real 8x8 JPEG whose SOF0 frame header (ITU T.81 B.2.2) claims {@code width} x {@code height}. */
    static byte[] jpeg(int width, int height) {
        byte[] jpeg = written("jpeg");
        for (int i = 2; i + 9 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
                putBigEndian16(jpeg, i + 5, height);
                putBigEndian16(jpeg, i + 7, width);
                return jpeg;
            }
        }
        throw new IllegalStateException("no SOF0 marker in the JPEG ImageIO wrote");
    }

    /** A real 8x8 GIF whose logical screen and image descriptor (GIF89a) claim {@code width} x {@code height}. */
    static byte[] gif(int width, int height) {
        byte[] gif = written("gif");
        putLittleEndian16(gif, 6, width);
        putLittleEndian16(gif, 8, height);
        int packed = gif[10] & 0xff;
        int i = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        while (i < gif.length && (gif[i] & 0xff) != 0x2c) {
            i = skipExtension(gif, i);
        }
        putLittleEndian16(gif, i + 5, width);
        putLittleEndian16(gif, i + 7, height);
        return gif;
    }

    /** A lossless WebP (RIFF, VP8L) whose header claims {@code width} x {@code height}, at most 16384 each. */
    static byte[] webpLossless(int width, int height) {
        byte[] data = new byte[64]; // no valid image data: the decoder never gets that far
        ByteBuffer vp8l = ByteBuffer.allocate(5 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        vp8l.put((byte) 0x2f).putInt((width - 1) | ((height - 1) << 14)).put(data);
        ByteBuffer riff = ByteBuffer.allocate(12 + 8 + vp8l.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        riff.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(riff.capacity() - 8)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(vp8l.capacity())
                .put(vp8l.array());
        return riff.array();
    }

    private static int skipExtension(byte[] gif, int at) {
        int i = at + 2; // 0x21, the label
        while ((gif[i] & 0xff) != 0) {
            i += (gif[i] & 0xff) + 1;
        }
        return i + 1;
    }

    private static byte[] written(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void putBigEndian16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }

    private static void putLittleEndian16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >> 8);
    }
}

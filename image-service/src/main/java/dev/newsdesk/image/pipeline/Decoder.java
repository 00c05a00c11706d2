package dev.newsdesk.image.pipeline;

import dev.newsdesk.image.error.ImageProblems;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The load step: finds a reader by content (never by the origin's Content-Type), reads the
 * header and refuses images over the pixel limit before a single pixel is decoded, so a
 * decompression bomb (a tiny PNG declaring 30000x30000) costs microseconds and no heap.
 * Then decodes the first frame (GIF: the first frame of an animation), converts to sRGB and
 * packs the pixels. CMYK and YCCK JPEGs are converted by TwelveMonkeys with their ICC profile
 * (or its generic CMYK profile); 16-bit and grey images are reduced to 8-bit sRGB.
 * <p>
 * JPEGs without a colour profile in YCbCr, grey or RGB (what cameras, CMSs and CDNs send) are
 * decoded by libjpeg-turbo when {@link Codecs} has it, shrinking in the DCT; any other JPEG, and
 * every JPEG on a host without the library, takes the ImageIO path.
 */
public final class Decoder {

    static {
        ImageIO.setUseCache(false); // no temp files: inputs are byte arrays
        ImageIO.scanForPlugins(); // the TwelveMonkeys readers, whatever class loader came first
    }

    /** What the header says, available before decoding. */
    public record Header(String format, int width, int height) {}

    private final long maxPixels;
    private final TurboJpeg turbo;

    public Decoder(long maxPixels) {
        this(maxPixels, null);
    }

    /** With libjpeg-turbo for plain JPEGs when {@code turbo} is not null. */
    Decoder(long maxPixels, TurboJpeg turbo) {
        this.maxPixels = maxPixels;
        this.turbo = turbo;
    }

    /**
     * Decodes {@code bytes}; {@code subsampling} (1, 2, 4 or 8) lets the decoder shrink while
     * decoding when the output is far smaller than the source (a shrink-on-load, as libvips does):
     * libjpeg-turbo scales in the DCT, ImageIO drops rows and columns. Each side becomes at most
     * {@code side / factor + 1} pixels.
     */
    public Pixels decode(byte[] bytes, SubsamplingPolicy subsampling) {
        if (turbo != null && TurboJpeg.isJpeg(bytes) && !JpegSegments.hasIccProfile(bytes)) {
            Pixels plain = turbo.decode(bytes, size -> {
                Header header = new Header("jpeg", size.width(), size.height());
                checkPixels(header);
                return Integer.highestOneBit(Math.min(8, Math.max(1, subsampling.factor(header))));
            });
            if (plain != null) {
                return plain;
            }
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input);
            try {
                reader.setInput(input, true, true);
                Header header =
                        new Header(reader.getFormatName().toLowerCase(), reader.getWidth(0), reader.getHeight(0));
                checkPixels(header);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, subsampling.factor(header));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return toSrgb(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw ImageProblems.unusableSource("source-corrupt", "The source image could not be decoded");
        } catch (IOException e) {
            throw ImageProblems.unusableSource("source-corrupt", "The source image could not be read");
        }
    }

    /** Reads only the header: format and size. */
    public Header header(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input);
            try {
                reader.setInput(input, true, true);
                return new Header(reader.getFormatName().toLowerCase(), reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw ImageProblems.unusableSource("source-corrupt", "The source image header could not be read");
        }
    }

    private void checkPixels(Header header) {
        if (header.width() <= 0 || header.height() <= 0) {
            throw ImageProblems.unusableSource("source-corrupt", "The source image declares no pixels");
        }
        if ((long) header.width() * header.height() > maxPixels) {
            throw ImageProblems.unusableSource(
                    "source-too-many-pixels",
                    "The source image is " + header.width() + "x" + header.height() + " pixels, over the limit of "
                            + maxPixels);
        }
    }

    private static ImageReader readerFor(ImageInputStream input) {
        if (input == null) {
            throw ImageProblems.unusableSource("source-not-image", "The source is not an image");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        if (!readers.hasNext()) {
            throw ImageProblems.unusableSource("source-not-image", "The source is not a JPEG, PNG, GIF or WebP image");
        }
        return readers.next();
    }

    /** The colour step: any colour space and depth to packed 8-bit sRGB. */
    static Pixels toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        boolean alpha = image.getColorModel().hasAlpha();
        if (!space.isCS_sRGB() && space.getType() != ColorSpace.TYPE_GRAY) {
            BufferedImage converted = new BufferedImage(
                    image.getWidth(),
                    image.getHeight(),
                    alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(image, converted);
            image = converted;
        }
        int w = image.getWidth(), h = image.getHeight();
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_BYTE_GRAY) {
            return packBytes(image, w, h, type == BufferedImage.TYPE_BYTE_GRAY);
        }
        if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
            BufferedImage packed =
                    new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = packed.createGraphics();
            try {
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
            image = packed;
        }
        int[] argb = new int[w * h];
        image.getRaster().getDataElements(0, 0, w, h, argb);
        if (alpha && isOpaque(argb)) {
            alpha = false;
        }
        return new Pixels(w, h, argb, alpha);
    }

    /**
     * The usual JPEG layouts without a Java2D blit: BGR is taken as it is (no copy when its rows
     * are unpadded, the decoder's normal output); grey is spread to BGR in one pass.
     */
    private static Pixels packBytes(BufferedImage image, int w, int h, boolean grey) {
        Raster raster = image.getRaster();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        int stride = model.getScanlineStride();
        int pixelStride = model.getPixelStride();
        int origin = raster.getDataBuffer().getOffset()
                - raster.getSampleModelTranslateY() * stride
                - raster.getSampleModelTranslateX() * pixelStride;
        if (!grey && origin == 0 && stride == w * 3 && pixelStride == 3 && data.length == w * h * 3) {
            return Pixels.bgr(w, h, data);
        }
        byte[] bgr = new byte[w * h * 3];
        for (int y = 0, i = 0; y < h; y++) {
            int j = origin + y * stride;
            for (int x = 0; x < w; x++, i += 3, j += pixelStride) {
                if (grey) {
                    byte v = data[j];
                    bgr[i] = v;
                    bgr[i + 1] = v;
                    bgr[i + 2] = v;
                } else {
                    bgr[i] = data[j];
                    bgr[i + 1] = data[j + 1];
                    bgr[i + 2] = data[j + 2];
                }
            }
        }
        return Pixels.bgr(w, h, bgr);
    }

    private static boolean isOpaque(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) != 0xff) {
                return false;
            }
        }
        return true;
    }

    /** How many source pixels to step per decoded pixel, decided from the header. */
    @FunctionalInterface
    public interface SubsamplingPolicy {
        SubsamplingPolicy NONE = header -> 1;

        int factor(Header header);
    }
}

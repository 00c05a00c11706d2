package dev.newsdesk.image.testing;

import dev.newsdesk.image.pipeline.Pixels;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Real image files made in the test, one per kind the service must read. What each one really
 * is, since some are spliced by hand:
 * <ul>
 * <li>baseline / progressive / grey JPEG: the JDK's JPEG encoder (libjpeg), YCbCr or one channel;
 * <li>CMYK / YCCK JPEG: a four-channel raster written by the JDK encoder, with an Adobe APP14
 *     marker (transform 0 = CMYK, 2 = YCCK) spliced in after SOI; no ICC profile, so TwelveMonkeys
 *     converts with its generic CMYK profile;
 * <li>EXIF JPEG: a landscape JPEG whose pixels are the portrait picture turned 90° counter-clockwise,
 *     with an APP1 EXIF block (orientation 6, "rotate 90° clockwise to display") spliced in;
 *     the upright picture has a red top-left corner;
 * <li>PNG: 8-bit RGBA with a transparent gradient; 16-bit: RGB with 16 bits a sample;
 * <li>GIF: two frames (red, then blue): the first frame is the one that counts;
 * <li>WebP: lossless VP8L fixtures in {@code src/test/resources/fixtures}, written by libwebp's
 *     {@code cwebp -lossless -z 9} from {@code photo(700, h, true)};
 * <li>the bomb: a valid 30000x30000 PNG header (IHDR) with a tiny IDAT, built byte by byte.
 * </ul>
 */
public final class TestImages {

    private TestImages() {}

    /** Every kind at the given gallery size, by file name (the names carry the size, like the CDN's). */
    public static Map<String, byte[]> gallery(int w, int h) {
        return GALLERIES.computeIfAbsent(w + "x" + h, k -> make(w, h));
    }

    private static final Map<String, Map<String, byte[]>> GALLERIES = new ConcurrentHashMap<>();

    private static Map<String, byte[]> make(int w, int h) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String size = "_w" + w + "h" + h;
        files.put("baseline" + size + ".jpg", jpeg(photo(w, h, false), false));
        files.put("progressive" + size + ".jpg", jpeg(photo(w, h, false), true));
        files.put("grey" + size + ".jpg", jpeg(grey(w, h), false));
        files.put("cmyk" + size + ".jpg", fourChannelJpeg(w, h, 0));
        files.put("ycck" + size + ".jpg", fourChannelJpeg(w, h, 2));
        files.put("exif" + size + ".jpg", exifRotated(w, h));
        files.put("alpha" + size + ".png", png(photo(w, h, true)));
        files.put("deep" + size + ".png", png(sixteenBit(w, h)));
        files.put("anim" + size + ".gif", gif(w, h));
        byte[] webp = fixture("lossless" + size + ".webp");
        if (webp != null) {
            files.put("lossless" + size + ".webp", webp);
        }
        return Collections.unmodifiableMap(files);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/fixtures/" + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage photo(int w, int h, boolean alpha) {
        BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(
                0, 0, new Color(30, 90, 200, alpha ? 255 : 255), w, h, new Color(240, 200, 40, alpha ? 60 : 255)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(200, 30, 30));
        g.fillOval(w / 4, h / 4, w / 2, h / 3);
        g.dispose();
        return image;
    }

    public static Pixels pixels(BufferedImage image) {
        int[] argb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new Pixels(
                image.getWidth(), image.getHeight(), argb, image.getColorModel().hasAlpha());
    }

    private static BufferedImage grey(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, w, h, Color.WHITE));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    private static BufferedImage sixteenBit(int w, int h) {
        ComponentColorModel model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {x * 65535 / w, y * 65535 / h, 40000});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    public static byte[] jpeg(BufferedImage image, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        return write(writer, new IIOImage(image, null, null), param);
    }

    private static byte[] fourChannelJpeg(int w, int h, int adobeTransform) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                raster.setPixel(x, y, new int[] {x * 255 / w, y * 255 / h, 128, 40});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        for (ImageWriter candidate : iterable(ImageIO.getImageWritersByFormatName("jpeg"))) {
            if (candidate.getClass().getName().startsWith("com.sun")) {
                writer = candidate;
            }
        }
        byte[] plain = write(writer, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
        byte[] app14 = {
            (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) adobeTransform
        };
        return withoutMarker(splice(plain, 2, app14), 0xee, 2 + app14.length);
    }

    private static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }

    private static byte[] exifRotated(int w, int h) {
        // stored landscape (h x w); upright portrait after a 90° clockwise turn; red marks the upright top-left
        BufferedImage stored = photo(h, w, false);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, w - 60, 60, 60); // stored bottom-left = upright top-left
        g.setColor(Color.GREEN);
        g.fillRect(h - 60, 0, 60, 60); // stored top-right = upright bottom-right
        g.dispose();
        byte[] jpeg = jpeg(stored, false);
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] app1 = new byte[4 + 6 + tiff.length];
        app1[0] = (byte) 0xff;
        app1[1] = (byte) 0xe1;
        app1[2] = 0;
        app1[3] = (byte) (2 + 6 + tiff.length);
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, app1, 4, 6);
        System.arraycopy(tiff, 0, app1, 10, tiff.length);
        int afterApp0 = 2 + 2 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        return splice(jpeg, afterApp0, app1);
    }

    public static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return write(writer, new IIOImage(image, null, null), writer.getDefaultWriteParam());
    }

    private static byte[] gif(int w, int h) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (Color colour : new Color[] {Color.RED, Color.BLUE}) {
                BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED);
                Graphics2D g = frame.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, w, h);
                g.dispose();
                ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame);
                IIOMetadata metadata = writer.getDefaultImageMetadata(type, null);
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", "50");
                control.setAttribute("transparentColorIndex", "0");
                root.appendChild(control);
                metadata.setFromTree("javax_imageio_gif_image_1.0", root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A PNG whose header declares {@code w x h} RGB pixels, with one tiny IDAT: a decompression bomb's shape. */
    public static byte[] pngHeaderOnly(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(
                out,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(w)
                        .putInt(h)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] compressed = new byte[2048];
        int n = deflater.deflate(compressed);
        chunk(out, "IDAT", Arrays.copyOf(compressed, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    /** Removes any further segment with {@code marker} after {@code from} (an encoder's own APP14, if it wrote one). */
    private static byte[] withoutMarker(byte[] jpeg, int marker, int from) {
        int pos = from;
        while (pos + 4 < jpeg.length && (jpeg[pos] & 0xff) == 0xff && (jpeg[pos + 1] & 0xff) != 0xda) {
            int length = ((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff);
            if ((jpeg[pos + 1] & 0xff) == marker) {
                byte[] out = new byte[jpeg.length - 2 - length];
                System.arraycopy(jpeg, 0, out, 0, pos);
                System.arraycopy(jpeg, pos + 2 + length, out, pos, jpeg.length - pos - 2 - length);
                return out;
            }
            pos += 2 + length;
        }
        return jpeg;
    }
}

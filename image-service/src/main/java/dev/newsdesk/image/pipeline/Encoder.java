package dev.newsdesk.image.pipeline;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The encode step. JPEG: progressive, 4:2:0, at the requested quality, with no metadata (the
 * writer gets no source metadata, so EXIF, ICC and comments are all gone; orientation was
 * applied); through libjpeg-turbo when {@link Codecs} has it, else ImageIO's writer with the
 * same settings. PNG: ImageIO's writer. Lossy WebP and AVIF: the OS codec libraries through {@link Codecs}
 * ({@code q} mapped by {@link QualityScale}). Never sees {@code auto}: the caller resolves it first.
 */
public final class Encoder {

    private final Codecs codecs;

    public Encoder(Codecs codecs) {
        this.codecs = codecs;
    }

    public byte[] encode(Pixels pixels, Format format, int quality) {
        return switch (format) {
            case JPEG -> jpeg(codecs.turboJpeg(), pixels, quality);
            case PNG -> png(pixels);
            case WEBP -> codecs.webp(pixels, quality);
            case AVIF -> codecs.avif(pixels, quality);
            case AUTO -> throw new IllegalArgumentException("auto must be resolved before encoding");
            case JSON -> throw new IllegalArgumentException("an info request has no pixels to encode");
        };
    }

    private static byte[] jpeg(TurboJpeg turbo, Pixels pixels, int quality) {
        Pixels opaque = pixels.alpha() ? flatten(pixels) : pixels;
        if (turbo != null) {
            return turbo.encode(opaque, quality);
        }
        ImageWriter writer = writer("jpeg");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            return write(writer, new IIOImage(bgr(opaque), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static byte[] png(Pixels pixels) {
        ImageWriter writer = writer("png");
        try {
            return write(writer, new IIOImage(pixels.toBufferedImage(), null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }

    /** JPEG has no alpha: composite onto white, what a page behind the image most likely is. */
    private static Pixels flatten(Pixels pixels) {
        int[] out = new int[pixels.argb().length];
        for (int i = 0; i < out.length; i++) {
            int p = pixels.argb()[i];
            int a = p >>> 24;
            int r = (((p >> 16) & 0xff) * a + 255 * (255 - a)) / 255;
            int g = (((p >> 8) & 0xff) * a + 255 * (255 - a)) / 255;
            int b = ((p & 0xff) * a + 255 * (255 - a)) / 255;
            out[i] = 0xff000000 | r << 16 | g << 8 | b;
        }
        return new Pixels(pixels.width(), pixels.height(), out, false);
    }

    /**
     * Packed 3-byte BGR is the layout the JDK's libjpeg binding takes without converting each
     * row in Java: about twice as fast to encode as an int-per-pixel image. The resizer already
     * delivers it for opaque images, which are then wrapped without a copy.
     */
    private static BufferedImage bgr(Pixels pixels) {
        return pixels.bgrOrNull() != null
                ? pixels.toBufferedImage()
                : Pixels.bgr(pixels.width(), pixels.height(), pixels.bgrBytes()).toBufferedImage();
    }

    /** The JDK's own writer when present (TwelveMonkeys' JPEG writer only wraps it), else the first. */
    private static ImageWriter writer(String format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format);
        }
        ImageWriter chosen = writers.next();
        while (writers.hasNext() && !chosen.getClass().getName().startsWith("com.sun.imageio")) {
            chosen.dispose();
            chosen = writers.next();
        }
        return chosen;
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}

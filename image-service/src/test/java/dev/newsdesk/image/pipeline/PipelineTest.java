package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.ImageOptions;
import dev.newsdesk.image.ImageOptions.Format;
import dev.newsdesk.image.testing.TestImages;

/** The pipeline on real files of every kind, without Quarkus and without an origin. */
class PipelineTest {

    private final Pipeline pipeline = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3);

    @Test
    void everyKindDecodesAndComesOutAtTheRequestedWidthWithItsAspect() throws IOException {
        for (int[] size : new int[][] {{700, 996}, {700, 1808}}) {
            for (Map.Entry<String, byte[]> file : TestImages.gallery(size[0], size[1]).entrySet()) {
                Pipeline.Rendered out = pipeline.render(file.getValue(), ImageOptions.parse("w:360/f:jpeg"), false);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.bytes()));
                assertEquals(360, image.getWidth(), file.getKey());
                assertEquals(Math.round(360.0 * size[1] / size[0]), image.getHeight(), 1, file.getKey());
            }
        }
    }

    @Test
    void exifOrientationIsAppliedSoTheOutputIsUpright() throws IOException {
        byte[] source = TestImages.gallery(700, 996).get("exif_w700h996.jpg");
        Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse("w:350/f:png"), false);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.bytes()));
        assertEquals(350, image.getWidth());
        assertEquals(498, image.getHeight());
        int topLeft = image.getRGB(5, 5), bottomRight = image.getRGB(344, 492);
        assertTrue(((topLeft >> 16) & 0xff) > 200 && ((topLeft >> 8) & 0xff) < 60, "red mark at the upright top-left");
        assertTrue(((bottomRight >> 8) & 0xff) > 200 && ((bottomRight >> 16) & 0xff) < 60, "green mark at the upright bottom-right");
    }

    @Test
    void gifGivesItsFirstFrame() throws IOException {
        Pipeline.Rendered out = pipeline.render(TestImages.gallery(700, 996).get("anim_w700h996.gif"), ImageOptions.parse("w:100/f:png"), false);
        int pixel = ImageIO.read(new ByteArrayInputStream(out.bytes())).getRGB(50, 50);
        assertEquals(0xffff0000, pixel);
    }

    @Test
    void webpOutputIsRealWebpAndDecodesToTheSamePixels() throws IOException {
        Pipeline.Rendered out = pipeline.render(TestImages.gallery(700, 996).get("alpha_w700h996.png"), ImageOptions.parse("w:580/f:webp"), false);
        byte[] b = out.bytes();
        assertEquals("RIFF", new String(b, 0, 4));
        assertEquals("WEBPVP8L", new String(b, 8, 8));
        assertEquals(b.length - 8, (b[4] & 0xff) | (b[5] & 0xff) << 8 | (b[6] & 0xff) << 16 | (b[7] & 0xff) << 24);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(b));
        assertEquals(580, image.getWidth());
        assertEquals(825, image.getHeight());
        assertEquals(Format.WEBP, out.format());
    }

    @Test
    void losslessWebpRoundTripsExactly() throws IOException {
        for (boolean alpha : new boolean[] {false, true}) {
            Pixels pixels = TestImages.pixels(TestImages.photo(333, 257, alpha));
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(WebpLosslessEncoder.encode(pixels)));
            int[] back = decoded.getRGB(0, 0, 333, 257, null, 0, 333);
            int[] expected = pixels.argb().clone();
            if (!alpha) {
                for (int i = 0; i < expected.length; i++) {
                    expected[i] |= 0xff000000;
                }
            }
            assertArrayEquals(expected, back, "alpha=" + alpha);
        }
    }

    @Test
    void neverEnlargesPastTheSource() {
        assertEquals("700x996", sizeOf(996, "w:1440"));
        assertEquals("700x996", sizeOf(996, "h:2000"));
    }

    @Test
    void coverCropsTheCentreToTheExactBoxAndContainFitsInside() {
        assertEquals("300x300", sizeOf(1808, "w:300/h:300/fit:cover"));
        assertEquals("116x300", sizeOf(1808, "w:300/h:300/fit:contain"));
        assertEquals("700x350", sizeOf(1808, "w:1000/h:500/fit:cover"), "no enlarging: the largest 2:1 crop");
    }

    @Test
    void dprMultipliesTheRequestedSize() {
        assertEquals("400x569", sizeOf(996, "w:200/dpr:2"));
    }

    private String sizeOf(int sourceHeight, String options) {
        byte[] source = TestImages.gallery(700, sourceHeight).get("baseline_w700h" + sourceHeight + ".jpg");
        Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse(options), false);
        return out.width() + "x" + out.height();
    }

    @Test
    void autoPicksWebpWhenAcceptedElseJpegOrPngForTransparency() {
        byte[] photo = TestImages.gallery(700, 996).get("baseline_w700h996.jpg");
        byte[] alpha = TestImages.gallery(700, 996).get("alpha_w700h996.png");
        assertEquals(Format.WEBP, pipeline.render(photo, ImageOptions.parse("w:100/f:auto"), true).format());
        assertEquals(Format.JPEG, pipeline.render(photo, ImageOptions.parse("w:100/f:auto"), false).format());
        assertEquals(Format.PNG, pipeline.render(alpha, ImageOptions.parse("w:100/f:auto"), false).format());
    }

    @Test
    void jpegOutputIsProgressiveWithoutMetadata() {
        byte[] source = TestImages.gallery(700, 996).get("exif_w700h996.jpg");
        byte[] out = pipeline.render(source, ImageOptions.parse("w:300/f:jpeg/q:80"), false).bytes();
        assertTrue(indexOf(out, new byte[] {(byte) 0xff, (byte) 0xc2}) > 0, "SOF2: progressive");
        assertEquals(-1, indexOf(out, "Exif".getBytes()), "no EXIF left");
    }

    @Test
    void refusesADecompressionBombFromItsHeaderInUnderASecond() {
        byte[] bomb = TestImages.pngHeaderOnly(30000, 30000);
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        ProblemException e = assertThrows(ProblemException.class, () -> pipeline.render(bomb, ImageOptions.parse("w:100"), false));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long grown = (runtime.totalMemory() - runtime.freeMemory()) - usedBefore;
        assertEquals("source-too-many-pixels", e.slug());
        assertEquals(422, e.status());
        assertTrue(millis < 1000, "refused in " + millis + " ms");
        assertTrue(grown < 64L << 20, "heap grew by " + grown + " bytes"); // decoding would need 2.7 GB
    }

    @Test
    void refusesANonImageBody() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> pipeline.render("<!doctype html><p>hello".getBytes(), ImageOptions.parse("w:100"), false));
        assertEquals("source-not-image", e.slug());
        assertEquals(422, e.status());
    }

    @Test
    void refusesATruncatedImage() {
        byte[] source = TestImages.gallery(700, 996).get("alpha_w700h996.png");
        byte[] truncated = java.util.Arrays.copyOf(source, source.length / 3);
        ProblemException e = assertThrows(ProblemException.class, () -> pipeline.render(truncated, ImageOptions.parse("w:100"), false));
        assertEquals(422, e.status());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

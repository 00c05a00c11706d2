package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.testing.IndependentDecoders;
import dev.newsdesk.image.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The pipeline on real files of every kind, without Quarkus and without an origin. */
class PipelineTest {

    private final Pipeline pipeline =
            new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, Codecs.load(EnumSet.of(Format.WEBP, Format.AVIF)));

    @Test
    void everyKindDecodesAndComesOutAtTheRequestedWidthWithItsAspect() throws IOException {
        for (int[] size : new int[][] {{700, 996}, {700, 1808}}) {
            for (Map.Entry<String, byte[]> file :
                    TestImages.gallery(size[0], size[1]).entrySet()) {
                Pipeline.Rendered out =
                        pipeline.render(file.getValue(), ImageOptions.parse("w:360/f:jpeg"), Format.JPEG);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.bytes()));
                assertEquals(360, image.getWidth(), file.getKey());
                assertEquals(Math.round(360.0 * size[1] / size[0]), image.getHeight(), 1, file.getKey());
            }
        }
    }

    @Test
    void exifOrientationIsAppliedSoTheOutputIsUpright() throws IOException {
        byte[] source = TestImages.gallery(700, 996).get("exif_w700h996.jpg");
        Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse("w:350/f:png"), Format.PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.bytes()));
        assertEquals(350, image.getWidth());
        assertEquals(498, image.getHeight());
        int topLeft = image.getRGB(5, 5), bottomRight = image.getRGB(344, 492);
        assertTrue(((topLeft >> 16) & 0xff) > 200 && ((topLeft >> 8) & 0xff) < 60, "red mark at the upright top-left");
        assertTrue(
                ((bottomRight >> 8) & 0xff) > 200 && ((bottomRight >> 16) & 0xff) < 60,
                "green mark at the upright bottom-right");
    }

    @Test
    void gifGivesItsFirstFrame() throws IOException {
        Pipeline.Rendered out = pipeline.render(
                TestImages.gallery(700, 996).get("anim_w700h996.gif"), ImageOptions.parse("w:100/f:png"), Format.PNG);
        int pixel = ImageIO.read(new ByteArrayInputStream(out.bytes())).getRGB(50, 50);
        assertEquals(0xffff0000, pixel);
    }

    @Test
    void lossyWebpDecodesWithDwebpToTheSourceSizeAndPixels() {
        for (String name : new String[] {"baseline_w700h996.jpg", "alpha_w700h996.png"}) {
            byte[] source = TestImages.gallery(700, 996).get(name);
            Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse("w:580/f:webp"), Format.WEBP);
            assertEquals(Format.WEBP, out.format());
            String chunks = new String(out.bytes(), StandardCharsets.ISO_8859_1);
            assertTrue(
                    chunks.startsWith("RIFF") && chunks.contains("VP8 ") && !chunks.contains("VP8L"),
                    name + ": lossy (VP8), not lossless (VP8L)");
            assertDecodesToTheSource(name, source, out, IndependentDecoders.webp(out.bytes()));
        }
    }

    @Test
    void avifDecodesWithAvifdecToTheSourceSizeAndPixels() {
        for (String name : new String[] {"baseline_w700h996.jpg", "alpha_w700h996.png"}) {
            byte[] source = TestImages.gallery(700, 996).get(name);
            Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse("w:580/f:avif"), Format.AVIF);
            assertEquals(Format.AVIF, out.format());
            assertEquals("ftypavif", new String(out.bytes(), 4, 8, StandardCharsets.US_ASCII), name);
            assertDecodesToTheSource(name, source, out, IndependentDecoders.avif(out.bytes()));
        }
    }

    /** Same size as the lossless (PNG) rendering of the same request, and close to it pixel by pixel; far smaller than it. */
    private void assertDecodesToTheSource(String name, byte[] source, Pipeline.Rendered out, BufferedImage decoded) {
        Pipeline.Rendered reference = pipeline.render(source, ImageOptions.parse("w:580/f:png"), Format.PNG);
        assertEquals(580, decoded.getWidth(), name);
        assertEquals(825, decoded.getHeight(), name);
        BufferedImage lossless = read(reference.bytes());
        double difference = IndependentDecoders.meanDifference(lossless, decoded);
        assertTrue(difference < 3.0, name + ": mean difference " + difference + " of 255");
        assertTrue(
                out.bytes().length < reference.bytes().length / 2,
                name + ": " + out.bytes().length + " B against PNG " + reference.bytes().length);
    }

    private static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        Pipeline.Rendered out = pipeline.render(source, ImageOptions.parse(options), Format.JPEG);
        return out.width() + "x" + out.height();
    }

    @Test
    void autoWithAJpegTargetGivesPngForTransparencyOnly() {
        byte[] photo = TestImages.gallery(700, 996).get("baseline_w700h996.jpg");
        byte[] alpha = TestImages.gallery(700, 996).get("alpha_w700h996.png");
        assertEquals(
                Format.JPEG,
                pipeline.render(photo, ImageOptions.parse("w:100/f:auto"), Format.JPEG)
                        .format());
        assertEquals(
                Format.PNG,
                pipeline.render(alpha, ImageOptions.parse("w:100/f:auto"), Format.JPEG)
                        .format());
        assertEquals(
                Format.JPEG,
                pipeline.render(alpha, ImageOptions.parse("w:100/f:jpeg"), Format.JPEG)
                        .format(),
                "explicit: flattened");
        assertEquals(
                Format.WEBP,
                pipeline.render(alpha, ImageOptions.parse("w:100/f:auto"), Format.WEBP)
                        .format(),
                "WebP keeps alpha");
    }

    @Test
    void jpegOutputIsProgressiveWithoutMetadata() {
        byte[] source = TestImages.gallery(700, 996).get("exif_w700h996.jpg");
        byte[] out = pipeline.render(source, ImageOptions.parse("w:300/f:jpeg/q:80"), Format.JPEG)
                .bytes();
        assertTrue(indexOf(out, new byte[] {(byte) 0xff, (byte) 0xc2}) > 0, "SOF2: progressive");
        assertEquals(-1, indexOf(out, "Exif".getBytes()), "no EXIF left");
    }

    @Test
    void refusesADecompressionBombFromItsHeader() {
        // Time and heap of the refusal are measured in bench/image (bomb.sh), not asserted here.
        byte[] bomb = TestImages.pngHeaderOnly(30000, 30000);
        ProblemException e = assertThrows(
                ProblemException.class, () -> pipeline.render(bomb, ImageOptions.parse("w:100"), Format.JPEG));
        assertEquals("source-too-many-pixels", e.slug());
        assertEquals(422, e.status());
    }

    @Test
    void refusesANonImageBody() {
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> pipeline.render("<!doctype html><p>hello".getBytes(), ImageOptions.parse("w:100"), Format.JPEG));
        assertEquals("source-not-image", e.slug());
        assertEquals(422, e.status());
    }

    @Test
    void refusesATruncatedImage() {
        byte[] source = TestImages.gallery(700, 996).get("alpha_w700h996.png");
        byte[] truncated = Arrays.copyOf(source, source.length / 3);
        ProblemException e = assertThrows(
                ProblemException.class, () -> pipeline.render(truncated, ImageOptions.parse("w:100"), Format.JPEG));
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

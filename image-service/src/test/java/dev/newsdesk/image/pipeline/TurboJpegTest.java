package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.Prerequisite;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.testing.Ssim;
import dev.newsdesk.image.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JPEG through libjpeg-turbo against the ImageIO path it replaces: the same pictures, the same
 * sizes, the same format settings. Every output is read back by ImageIO, the JDK's own libjpeg
 * build, a decoder this code does not use when libjpeg-turbo is there. Skipped without
 * libturbojpeg on a developer's machine; under CI=true its absence fails.
 */
class TurboJpegTest {

    private static Codecs turbo;
    private static final Codecs IMAGE_IO = Codecs.builtInOnly();

    @BeforeAll
    static void load() {
        turbo = Codecs.load(Set.of());
        Prerequisite.require(
                turbo.turboJpeg() != null, "needs libturbojpeg (Debian libturbojpeg0): " + turbo.summary());
    }

    @Test
    void everyJpegKindRendersLikeTheImageIoPath() throws IOException {
        Pipeline fast = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, turbo);
        Pipeline reference = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, IMAGE_IO);
        for (Map.Entry<String, byte[]> file : TestImages.gallery(700, 996).entrySet()) {
            if (!file.getKey().endsWith(".jpg")) {
                continue;
            }
            for (String options : new String[] {"w:580", "w:100", "w:300/h:300/fit:cover"}) {
                BufferedImage a = read(fast.render(file.getValue(), ImageOptions.parse(options), Format.JPEG)
                        .bytes());
                BufferedImage b = read(reference
                        .render(file.getValue(), ImageOptions.parse(options), Format.JPEG)
                        .bytes());
                double ssim = Ssim.of(b, a);
                // the two paths differ only in IDCT rounding and, for small outputs, in how the
                // decoder shrinks (DCT scaling against dropped rows): far below what an eye sees
                assertTrue(ssim > 0.97, file.getKey() + " " + options + ": SSIM " + ssim);
            }
        }
    }

    @Test
    void encodesProgressiveJpegWithoutMetadataAtImageIosQualityScale() throws IOException {
        Pixels photo = TestImages.pixels(TestImages.photo(580, 820, false));
        byte[] fast = new Encoder(turbo).encode(photo, Format.JPEG, 80);
        byte[] reference = new Encoder(IMAGE_IO).encode(photo, Format.JPEG, 80);
        assertTrue(hasMarker(fast, 0xc2), "progressive (SOF2)");
        assertFalse(hasMarker(fast, 0xe1) || hasMarker(fast, 0xe2), "no EXIF or ICC segment");
        BufferedImage decoded = read(fast);
        assertEquals(580, decoded.getWidth());
        assertEquals(820, decoded.getHeight());
        assertTrue(Ssim.of(photo.toBufferedImage(), decoded) > 0.95, "close to its source");
        // the same quality tables: the two files are within a few percent of each other's size
        double ratio = (double) fast.length / reference.length;
        assertTrue(
                ratio > 0.9 && ratio < 1.1, "libjpeg-turbo " + fast.length + " B, ImageIO " + reference.length + " B");
    }

    @Test
    void shrinksInTheDctByPowersOfTwo() throws IOException {
        byte[] jpeg = TestImages.gallery(700, 996).get("baseline_w700h996.jpg");
        Decoder decoder = new Decoder(50_000_000, turbo.turboJpeg());
        Pixels full = decoder.decode(jpeg, Decoder.SubsamplingPolicy.NONE);
        assertEquals(List.of(700, 996), List.of(full.width(), full.height()));
        for (int factor : new int[] {2, 4, 8}) {
            Pixels small = decoder.decode(jpeg, h -> factor);
            assertEquals(
                    List.of((700 + factor - 1) / factor, (996 + factor - 1) / factor),
                    List.of(small.width(), small.height()),
                    "1/" + factor);
        }
        // 3 is not a DCT scale: the next power of two down
        Pixels three = decoder.decode(jpeg, h -> 3);
        assertEquals(350, three.width());
    }

    @Test
    void jpegsWithAColourProfileOrFourChannelsAreLeftToImageIo() {
        Map<String, byte[]> files = TestImages.gallery(700, 996);
        TurboJpeg lib = turbo.turboJpeg();
        assertNull(lib.decode(files.get("cmyk_w700h996.jpg"), size -> 1), "CMYK");
        assertNull(lib.decode(files.get("ycck_w700h996.jpg"), size -> 1), "YCCK");
        assertNotNull(lib.decode(files.get("grey_w700h996.jpg"), size -> 1), "grey");
        byte[] baseline = files.get("baseline_w700h996.jpg");
        assertFalse(JpegSegments.hasIccProfile(baseline));
        assertTrue(JpegSegments.hasIccProfile(withIccSegment(baseline)));
    }

    @Test
    void aDamagedJpegIsTheClientsProblemAndATruncatedOneStillGivesAPicture() throws IOException {
        Pipeline pipeline = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, turbo);
        byte[] jpeg = TestImages.gallery(700, 996).get("baseline_w700h996.jpg");
        byte[] garbage = Arrays.copyOf(jpeg, jpeg.length);
        Arrays.fill(garbage, 20, garbage.length, (byte) 0x5a); // SOI kept, every table and scan gone
        ProblemException e = assertThrows(
                ProblemException.class, () -> pipeline.render(garbage, ImageOptions.parse("w:100"), Format.JPEG));
        assertEquals(422, e.status());
        // a cut-off download: libjpeg warns and fills the rest, as ImageIO's reader does
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);
        BufferedImage out = read(pipeline.render(truncated, ImageOptions.parse("w:100"), Format.JPEG)
                .bytes());
        assertEquals(100, out.getWidth());
    }

    /** {@code jpeg} with an APP2 ICC_PROFILE segment (a token payload) right after SOI. */
    private static byte[] withIccSegment(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] payload = "ICC_PROFILE\0\1\1profile".getBytes(StandardCharsets.ISO_8859_1);
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe2);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static boolean hasMarker(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xff) == 0xff) {
            int m = jpeg[pos + 1] & 0xff;
            if (m == marker) {
                return true;
            }
            if (m == 0xda) {
                return false;
            }
            pos += 2 + (((jpeg[pos + 2] & 0xff) << 8) | (jpeg[pos + 3] & 0xff));
        }
        return false;
    }

    private static BufferedImage read(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertNotNull(image, "ImageIO reads the output");
        return image;
    }
}

package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.testing.ReferenceThumbHash;
import dev.newsdesk.image.testing.ReferenceThumbHash.Picture;
import dev.newsdesk.image.testing.ReferenceThumbHash.Result;
import dev.newsdesk.image.testing.TestImages;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The encoder against the reference implementation (npm {@code thumbhash@0.1.1}): for the same
 * RGBA pixels the hashes are equal byte for byte, and the reference's decoder gives back a
 * colour close to the average this service reports.
 */
class ThumbHashTest {

    /** Pictures drawn here, each at most 100×100: opaque and transparent, both orientations, noise, one pixel. */
    private static Map<String, Picture> drawn() {
        Random random = new Random(20_240_601);
        byte[] noise = new byte[100 * 100 * 4];
        random.nextBytes(noise);
        byte[] clear = new byte[10 * 10 * 4];
        return Map.of(
                "landscape", picture(ImageInfo.rgba(TestImages.pixels(TestImages.photo(100, 75, false))), 100, 75),
                "portrait alpha", picture(ImageInfo.rgba(TestImages.pixels(TestImages.photo(40, 100, true))), 40, 100),
                "noise with alpha", picture(noise, 100, 100),
                "one pixel", picture(new byte[] {(byte) 200, 100, 50, (byte) 255}, 1, 1),
                "wide strip", picture(ImageInfo.rgba(TestImages.pixels(TestImages.photo(100, 9, false))), 100, 9),
                "transparent", picture(clear, 10, 10));
    }

    private static Picture picture(byte[] rgba, int w, int h) {
        return new Picture(w, h, rgba);
    }

    @Test
    void drawnPicturesHashLikeTheReference() {
        Map<String, Picture> pictures = drawn();
        List<String> names = List.copyOf(pictures.keySet());
        List<Result> reference =
                ReferenceThumbHash.run(names.stream().map(pictures::get).toList());
        for (int i = 0; i < names.size(); i++) {
            Picture p = pictures.get(names.get(i));
            byte[] ours = ThumbHash.encode(p.width(), p.height(), p.rgba());
            assertArrayEquals(Base64.getDecoder().decode(reference.get(i).hash()), ours, names.get(i));
        }
    }

    @Test
    void galleryPicturesThroughThePipelineHashLikeTheReferenceAndDecodeToTheirColour() {
        Pipeline pipeline =
                new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, Codecs.load(EnumSet.noneOf(Format.class)));
        List<String> names = new ArrayList<>();
        List<Pipeline.Thumbnail> thumbnails = new ArrayList<>();
        List<ImageInfo> infos = new ArrayList<>();
        for (var size : List.of(new int[] {700, 996}, new int[] {1600, 900})) {
            TestImages.gallery(size[0], size[1]).forEach((name, bytes) -> {
                names.add(name);
                thumbnails.add(pipeline.thumbnail(bytes));
                infos.add(pipeline.info(bytes));
            });
        }
        List<Result> reference = ReferenceThumbHash.run(thumbnails.stream()
                .map(t -> picture(
                        ImageInfo.rgba(t.pixels()),
                        t.pixels().width(),
                        t.pixels().height()))
                .toList());
        for (int i = 0; i < names.size(); i++) {
            Pipeline.Thumbnail t = thumbnails.get(i);
            ImageInfo info = infos.get(i);
            String name = names.get(i);
            assertTrue(t.pixels().width() <= 100 && t.pixels().height() <= 100, name + " hashed at most 100x100");
            assertEquals(reference.get(i).hash(), info.thumbhash(), name);
            int[] color = rgb(info.color());
            for (int c = 0; c < 3; c++) {
                double back = reference.get(i).average()[c];
                assertTrue(
                        Math.abs(back - color[c]) <= 10,
                        name + ": the reference decodes channel " + c + " to " + back + ", the average is "
                                + info.color());
            }
        }
    }

    @Test
    void infoGivesTheUprightSizeAndTheSourceFormat() {
        Pipeline pipeline =
                new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, Codecs.load(EnumSet.noneOf(Format.class)));
        Map<String, byte[]> gallery = TestImages.gallery(700, 996);
        ImageInfo exif = pipeline.info(gallery.get("exif_w700h996.jpg"));
        assertEquals(List.of(700, 996, "jpeg"), List.of(exif.width(), exif.height(), exif.format()));
        ImageInfo png = pipeline.info(gallery.get("alpha_w700h996.png"));
        assertEquals(List.of(700, 996, "png"), List.of(png.width(), png.height(), png.format()));
        assertTrue(png.color().matches("#[0-9a-f]{6}"), png.color());
        // 5 header bytes and 32 four-bit terms for a 7:10 opaque picture (5×7 luminance, 3×3 chroma twice)
        assertEquals(21, Base64.getDecoder().decode(exif.thumbhash()).length, "hash size, opaque portrait");
    }

    @Test
    void averageColourWeighsPixelsByTheirAlpha() {
        byte[] halfClear = {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0};
        assertEquals("#ff0000", ImageInfo.averageColor(halfClear));
        assertEquals("#000000", ImageInfo.averageColor(new byte[8]));
    }

    @Test
    void refusesMoreThanTheFormatAllows() {
        assertThrows(IllegalArgumentException.class, () -> ThumbHash.encode(101, 1, new byte[101 * 4]));
        assertThrows(IllegalArgumentException.class, () -> ThumbHash.encode(2, 2, new byte[4]));
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16, (v >> 8) & 0xff, v & 0xff};
    }
}

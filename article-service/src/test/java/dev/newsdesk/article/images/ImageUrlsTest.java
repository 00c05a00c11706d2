package dev.newsdesk.article.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.SigningVectors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ImageUrlsTest {

    private static final String KEY = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    private static final String SOURCE = "https://dfscdn.dfcfw.com/download/D1_w700h996.jpg";

    @Test
    void signsTheFixedTestVector() {
        // Computed independently (Python hmac): HMAC-SHA256(key, "/w:360/f:jpeg/" + base64url(source)).
        assertEquals(
                "http://img.test/img/Pnovl5Js6OibVL_1Ny7mmIgbA5uOXgr1zBWSnr3MQog/w:360/f:jpeg/"
                        + "aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QxX3c3MDBoOTk2LmpwZw",
                new ImageUrls("http://img.test/", KEY).url(SOURCE, 360));
    }

    /** The signer's side of newsdesk-http's shared vectors (the verifier's is image-service's SignedRequestTest). */
    @Test
    void signsEverySharedVector() {
        Pattern shape = Pattern.compile("/(?:w:(\\d+)/)?f:(\\w+)/([\\w-]+)");
        List<SigningVectors.Vector> vectors = SigningVectors.all();
        assertTrue(vectors.size() >= 5, "vectors read: " + vectors.size());
        for (SigningVectors.Vector v : vectors) {
            Matcher path = shape.matcher(v.path());
            assertTrue(path.matches(), "a path this signer writes: " + v.path());
            String source = new String(Base64.getUrlDecoder().decode(path.group(3)), StandardCharsets.UTF_8);
            Integer width = path.group(1) == null ? null : Integer.valueOf(path.group(1));
            assertEquals(
                    "http://img.test/img/" + v.signature() + v.path(),
                    new ImageUrls("http://img.test", v.keyHex()).url(source, width, path.group(2)));
        }
    }

    /** A key the image-service would refuse must not sign here either: the two ends would disagree on every image. */
    @Test
    void refusesTheKeysTheImageServiceRefuses() {
        String sixteenBytes = "00112233445566778899aabbccddeeff";
        IllegalArgumentException tooShort =
                assertThrows(IllegalArgumentException.class, () -> new ImageUrls("http://img.test", sixteenBytes));
        assertTrue(tooShort.getMessage().startsWith("NEWSDESK_IMAGE_SIGNING_KEY"), tooShort.getMessage());
        // A leading comma must not leave an empty first key that signs every URL "unsafe".
        assertThrows(IllegalArgumentException.class, () -> new ImageUrls("http://img.test", "," + KEY));
    }

    @Test
    void signsWithTheFirstKeyOfARotationList() {
        assertEquals(
                new ImageUrls("http://img.test", KEY).url(SOURCE, 360),
                new ImageUrls(
                                "http://img.test",
                                KEY + ", ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100")
                        .url(SOURCE, 360));
    }

    @Test
    void eachFormatIsSignedOverItsOwnPath() {
        // Computed independently (Python hmac): HMAC-SHA256(key, "/w:360/f:avif/" + base64url(source)).
        assertEquals(
                "http://img.test/img/5wtVw4567MeLtoSRPEmCL0wXTEtIUUZLJyiAfbgaxfM/w:360/f:avif/"
                        + "aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QxX3c3MDBoOTk2LmpwZw",
                new ImageUrls("http://img.test/", KEY).url(SOURCE, 360, "avif"));
    }

    @Test
    void noKeyGivesUnsafeUrls() {
        assertEquals(
                "http://img.test/img/unsafe/w:360/f:jpeg/aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QxX3c3MDBoOTk2LmpwZw",
                new ImageUrls("http://img.test", null).url(SOURCE, 360));
    }

    @Test
    void srcsetNeverClaimsMoreThanTheSourceHas() {
        assertEquals(List.of(360, 700), ImageUrls.widthsFor(700));
        assertEquals(List.of(360, 720), ImageUrls.widthsFor(720));
        assertEquals(List.of(360, 720, 1080, 1440), ImageUrls.widthsFor(4000));
        assertEquals(List.of(200), ImageUrls.widthsFor(200));
        assertEquals(List.of(360, 720, 1000), ImageUrls.widthsFor(1000));
    }

    @Test
    void rendersAtDisplayWidthKeepingAspect() {
        ImageUrls urls = new ImageUrls("http://img.test", KEY);
        ImageUrls.Rendition r = urls.render(new GalleryImage(SOURCE, 700, 996));
        assertEquals(700, r.width());
        assertEquals(996, r.height());
        assertEquals(urls.url(SOURCE, 700), r.src());
        assertEquals(urls.url(SOURCE, 360) + " 360w, " + urls.url(SOURCE, 700) + " 700w", r.srcset());
        assertEquals(
                List.of(
                        new ImageUrls.PictureSource(
                                "image/avif",
                                urls.url(SOURCE, 360, "avif") + " 360w, " + urls.url(SOURCE, 700, "avif") + " 700w"),
                        new ImageUrls.PictureSource(
                                "image/webp",
                                urls.url(SOURCE, 360, "webp") + " 360w, " + urls.url(SOURCE, 700, "webp") + " 700w")),
                r.sources());

        ImageUrls.Rendition wide = urls.render(new GalleryImage(SOURCE, 2000, 1000));
        assertEquals(720, wide.width());
        assertEquals(360, wide.height());
    }

    @Test
    void unknownSizeOffersTheOriginalOnly() {
        ImageUrls.Rendition r = new ImageUrls("http://img.test", KEY).render(new GalleryImage(SOURCE, null, null));
        assertNull(r.width());
        assertNull(r.srcset());
        assertEquals(new ImageUrls("http://img.test", KEY).url(SOURCE, null), r.src());
    }
}

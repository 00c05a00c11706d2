package dev.newsdesk.image.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.http.ProblemException;
import dev.newsdesk.http.UrlSignature;
import dev.newsdesk.image.cache.Encoded;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.signing.SignedRequest;
import dev.newsdesk.image.testing.TestImages;
import dev.newsdesk.image.testing.TestOrigin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /img/{signature}/info/{source}}: signed like a rendition, answered as JSON, cached in both tiers. */
class InfoRequestTest {

    private static final String KEY = "0123456789abcdef".repeat(4);
    private static final UrlSignature SIGNER = UrlSignature.fromSetting(Optional.of(KEY));

    @TempDir
    Path data;

    @BeforeAll
    static void start() {
        ImageServiceTest.origin = new TestOrigin().serve(TestImages.gallery(700, 1808));
    }

    @AfterAll
    static void stop() {
        ImageServiceTest.origin.close();
    }

    private ImageService service() {
        return new ImageService(ImageServiceTest.config(data, 2, 8, Optional.of(KEY)), new SimpleMeterRegistry());
    }

    private static String source(String name) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(ImageServiceTest.origin.url(name).getBytes(StandardCharsets.UTF_8));
    }

    private static String signed(String pathAfterSignature) {
        return "/img/" + SIGNER.sign(pathAfterSignature) + pathAfterSignature;
    }

    private static ImageRequest request(SignedRequest signed) {
        return new ImageRequest(
                signed.sourceUrl(), signed.options(), signed.options().format());
    }

    @Test
    void answersTheMeasurementsAsJsonAndKeepsThemInMemoryAndOnDisk() throws Exception {
        String path = signed("/info/" + source("exif_w700h1808.jpg"));
        ImageService first = service();
        SignedRequest signed = first.verify(path);
        assertTrue(signed.info());
        int before = ImageServiceTest.origin.requests();
        Encoded encoded = first.load(request(signed)).join();
        assertEquals("application/json", encoded.contentType());
        JsonNode info = new ObjectMapper().readTree(encoded.bytes());
        assertEquals(700, info.get("width").asInt());
        assertEquals(1808, info.get("height").asInt());
        assertEquals("jpeg", info.get("format").asText());
        assertTrue(info.get("color").asText().matches("#[0-9a-f]{6}"), info.toString());
        // a 39×100 copy: 3×7 luminance and 3×3 chroma terms, 24 nibbles after the 5 header bytes
        assertEquals(17, Base64.getDecoder().decode(info.get("thumbhash").asText()).length, info.toString());
        assertNotNull(first.fromMemory(request(first.verify(path))), "kept in memory");
        first.stop();

        ImageService restarted = service();
        assertEquals(
                encoded.etag(),
                restarted.load(request(restarted.verify(path))).join().etag());
        assertEquals(before + 1, ImageServiceTest.origin.requests(), "the second answer came from disk");
        restarted.stop();
    }

    @Test
    void isRefusedWhenThePathDiffersFromWhatWasSigned() {
        ImageService service = service();
        String info = "/info/" + source("baseline_w700h1808.jpg");
        String signature = SIGNER.sign(info);
        for (String tampered : new String[] {
            "/img/" + signature + "/w:100/" + source("baseline_w700h1808.jpg"),
            "/img/" + signature + "/info/" + source("grey_w700h1808.jpg"),
            "/img/unsafe" + info
        }) {
            ProblemException refused = assertThrows(ProblemException.class, () -> service.verify(tampered));
            assertEquals(403, refused.status(), tampered);
        }
        SignedRequest rendition = service.verify(signed("/w:100/" + source("baseline_w700h1808.jpg")));
        assertEquals(false, rendition.info());
        assertEquals(Format.AUTO, rendition.options().format());
        service.stop();
    }
}

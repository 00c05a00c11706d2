package dev.newsdesk.image.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.MetricSamples;
import dev.newsdesk.image.testing.IndependentDecoders;
import dev.newsdesk.image.testing.OriginTestResource;
import dev.newsdesk.image.testing.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The HTTP surface against a real origin serving real files (no key set in tests, so URLs
 * are signed {@code unsafe}; signatures with a key are covered by UrlSignatureTest and e2e).
 */
@QuarkusTest
@QuarkusTestResource(value = OriginTestResource.class, restrictToAnnotatedClass = true)
class ImageHttpTest {

    static String source(String url) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(url.getBytes(StandardCharsets.UTF_8));
    }

    static String path(String options, String name) {
        return "/img/unsafe/" + options + "/" + source(OriginTestResource.origin.url(name));
    }

    static final String CHROME = "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8";
    static final String SAFARI_14 = "image/webp,image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5";
    static final String OLD_SAFARI = "image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5";

    @Test
    void autoAnswersAvifToChromeWebpToWebpOnlyClientsAndJpegToOldSafariAlwaysWithVaryAccept() {
        String url = path("w:360/f:auto", "baseline_w700h996.jpg");
        for (String[] c : new String[][] {
            {CHROME, "image/avif"},
            {"image/webp", "image/webp"},
            {SAFARI_14, "image/webp"},
            {OLD_SAFARI, "image/jpeg"},
            {CHROME, "image/avif"}
        }) { // the last one a memory hit on the fast route
            Response response = given().header("Accept", c[0]).get(url);
            assertEquals(200, response.statusCode(), c[0]);
            assertEquals(c[1], response.contentType(), c[0]);
            assertEquals("Accept", response.header("Vary"), c[0]);
            BufferedImage image = decode(response.contentType(), response.asByteArray());
            assertEquals(360, image.getWidth(), c[0]);
            assertEquals(512, image.getHeight(), c[0]);
        }
    }

    @Test
    void infoAnswersTheMeasurementsAsJsonAndAgainFromTheMemoryCache() {
        String url = path("info", "exif_w700h1808.jpg");
        Response first = given().get(url);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("application/json", first.contentType());
        assertEquals(700, first.jsonPath().getInt("width"));
        assertEquals(1808, first.jsonPath().getInt("height"));
        assertEquals("jpeg", first.jsonPath().getString("format"));
        assertTrue(first.jsonPath().getString("color").matches("#[0-9a-f]{6}"), first.asString());
        assertEquals("public, max-age=31536000, immutable", first.header("Cache-Control"));
        assertEquals(null, first.header("Vary"));
        Response again = given().get(url); // a memory hit, answered by the route
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.asString(), again.asString());
        given().header("If-None-Match", first.header("ETag")).get(url).then().statusCode(304);
        given().get(path("info/w:100", "exif_w700h1808.jpg")).then().statusCode(400);
    }

    @Test
    void everyKindComesOutAtTheRequestedWidthAsAvifForChromeAndJpegOrPngForOldSafari() {
        for (int[] size : new int[][] {{700, 996}, {700, 1808}}) {
            for (Map.Entry<String, byte[]> file :
                    TestImages.gallery(size[0], size[1]).entrySet()) {
                boolean alpha =
                        file.getKey().startsWith("alpha") || file.getKey().startsWith("lossless");
                for (String[] c :
                        new String[][] {{CHROME, "image/avif"}, {OLD_SAFARI, alpha ? "image/png" : "image/jpeg"}}) {
                    Response response = given().header("Accept", c[0]).get(path("w:360/f:auto", file.getKey()));
                    assertEquals(200, response.statusCode(), file.getKey() + " " + response.asString());
                    assertEquals(c[1], response.contentType(), file.getKey());
                    assertEquals("Accept", response.header("Vary"));
                    assertEquals("public, max-age=31536000, immutable", response.header("Cache-Control"));
                    BufferedImage image = decode(response.contentType(), response.asByteArray());
                    assertEquals(360, image.getWidth(), file.getKey());
                    assertEquals(Math.round(360.0 * size[1] / size[0]), image.getHeight(), 1, file.getKey());
                }
            }
        }
    }

    @Test
    void explicitWebpAndAvifAreLossyDecodableAndSmallerThanTheJpeg() {
        int jpeg = given().get(path("w:580/f:jpeg", "baseline_w700h1808.jpg"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray()
                .length;
        for (String format : new String[] {"webp", "avif"}) {
            Response response =
                    given().header("Accept", "image/jpeg").get(path("w:580/f:" + format, "baseline_w700h1808.jpg"));
            assertEquals(200, response.statusCode());
            assertEquals("image/" + format, response.contentType());
            assertEquals(null, response.header("Vary"), "an explicit format does not vary");
            byte[] body = response.asByteArray();
            assertTrue(body.length < jpeg, format + " " + body.length + " B against JPEG " + jpeg + " B");
            BufferedImage image = decode(response.contentType(), body);
            assertEquals(580, image.getWidth());
            assertEquals(1498, image.getHeight());
        }
    }

    /** JPEG and PNG with ImageIO; WebP and AVIF only with the independent decoders. */
    static BufferedImage decode(String type, byte[] body) {
        try {
            return switch (type) {
                case "image/webp" -> IndependentDecoders.webp(body);
                case "image/avif" -> IndependentDecoders.avif(body);
                default -> ImageIO.read(new ByteArrayInputStream(body));
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void explicitFormatsNeedNoVaryAndEtagGives304() {
        Response first = given().get(path("w:200/f:jpeg", "baseline_w700h996.jpg"));
        first.then().statusCode(200).contentType("image/jpeg");
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertEquals(null, first.header("Vary"));
        given().header("If-None-Match", etag)
                .get(path("w:200/f:jpeg", "baseline_w700h996.jpg"))
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=31536000, immutable");
        given().header("If-None-Match", "\"other\"")
                .get(path("w:200/f:jpeg", "baseline_w700h996.jpg"))
                .then()
                .statusCode(200);
    }

    @Test
    void refusalsAreProblemDocuments() {
        problem(
                given().get("/img/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/w:100/"
                        + source(OriginTestResource.origin.url("baseline_w700h996.jpg"))),
                403,
                "bad-signature");
        problem(
                given().get("/img/unsafe/w:100/" + source("https://elsewhere.example/a.jpg")),
                403,
                "origin-not-allowed");
        problem(given().get("/img/unsafe/w:100/" + source("http://localhost:1/a.jpg")), 403, "origin-not-allowed");
        problem(given().get(path("w:100", "bomb_w30000h30000.png")), 422, "source-too-many-pixels");
        problem(
                given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.base() + "page")),
                422,
                "source-not-image");
        problem(
                given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.base() + "missing.jpg")),
                404,
                "not-found");
        problem(given().get(path("w:5000", "baseline_w700h996.jpg")), 400, "validation");
        problem(given().get(path("fit:fill", "baseline_w700h996.jpg")), 400, "validation");
        problem(
                given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.url("baseline_w700h996.jpg"))
                        + "==="),
                400,
                "validation");
    }

    /** Each count moves by what one request did: a width no other test asks for, so the first is a miss. */
    @Test
    void metricsCountHitsMissesRefusalsAndResizeTime() {
        String path = path("w:137", "baseline_w700h996.jpg");
        String before = metrics();
        given().get(path).then().statusCode(200);
        String afterMiss = metrics();
        given().get(path).then().statusCode(200);
        String afterHit = metrics();
        String hit = "result=\"hit\"";
        String miss = "result=\"miss\"";
        String memory = "tier=\"memory\"";
        assertEquals(1, delta(before, afterMiss, CACHE, miss, memory), "the first request misses the memory tier");
        assertEquals(0, delta(before, afterMiss, CACHE, hit, memory));
        assertEquals(1, delta(before, afterMiss, RESIZES), "and is resized once");
        assertEquals(1, delta(afterMiss, afterHit, CACHE, hit, memory), "the second hits it");
        assertEquals(0, delta(afterMiss, afterHit, CACHE, miss, memory));
        assertEquals(0, delta(afterMiss, afterHit, RESIZES), "without resizing again");
        assertTrue(
                afterHit.lines().noneMatch(l -> l.contains("uri=\"/img/unsafe")), "one HTTP series for all image URLs");

        given().get(path("q:0", "baseline_w700h996.jpg")).then().statusCode(400);
        assertEquals(1, delta(afterHit, metrics(), REFUSALS, "reason=\"validation\""), "a refusal counted by reason");
    }

    private static final String CACHE = "newsdesk_image_cache_total";
    private static final String RESIZES = "newsdesk_image_resize_seconds_count";
    private static final String REFUSALS = "newsdesk_image_refusals_total";

    private static String metrics() {
        return given().accept("text/plain").get("/q/metrics").asString();
    }

    private static long delta(String before, String after, String name, String... labels) {
        return Math.round(MetricSamples.sum(after, name, labels) - MetricSamples.sum(before, name, labels));
    }

    private static void problem(Response response, int status, String slug) {
        response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("https://newsdesk.dev/problems/" + slug));
    }
}

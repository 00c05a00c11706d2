package dev.newsdesk.image.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.newsdesk.image.testing.OriginTestResource;
import dev.newsdesk.image.testing.TestImages;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

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

    @Test
    void everyKindComesOutAtTheRequestedWidthInTheNegotiatedFormat() throws Exception {
        for (int[] size : new int[][] {{700, 996}, {700, 1808}}) {
            for (Map.Entry<String, byte[]> file : TestImages.gallery(size[0], size[1]).entrySet()) {
                for (String accept : new String[] {"image/avif,image/webp,*/*", "image/jpeg,*/*;q=0.8"}) {
                    Response response = given().header("Accept", accept).get(path("w:360/f:auto", file.getKey()));
                    assertEquals(200, response.statusCode(), file.getKey() + " " + response.asString());
                    String type = response.contentType();
                    boolean webp = accept.contains("webp");
                    boolean alpha = file.getKey().startsWith("alpha") || file.getKey().startsWith("lossless");
                    assertEquals(webp ? "image/webp" : alpha ? "image/png" : "image/jpeg", type, file.getKey());
                    assertEquals("Accept", response.header("Vary"));
                    assertEquals("public, max-age=31536000, immutable", response.header("Cache-Control"));
                    byte[] body = response.asByteArray();
                    if (webp) {
                        assertEquals("RIFF", new String(body, 0, 4, StandardCharsets.US_ASCII));
                        assertEquals("WEBP", new String(body, 8, 4, StandardCharsets.US_ASCII));
                    }
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
                    assertEquals(360, image.getWidth(), file.getKey());
                    assertEquals(Math.round(360.0 * size[1] / size[0]), image.getHeight(), 1, file.getKey());
                }
            }
        }
    }

    @Test
    void explicitFormatsNeedNoVaryAndEtagGives304() {
        Response first = given().get(path("w:200/f:jpeg", "baseline_w700h996.jpg"));
        first.then().statusCode(200).contentType("image/jpeg");
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), etag);
        assertEquals(null, first.header("Vary"));
        given().header("If-None-Match", etag).get(path("w:200/f:jpeg", "baseline_w700h996.jpg")).then().statusCode(304)
                .header("ETag", etag).header("Cache-Control", "public, max-age=31536000, immutable");
        given().header("If-None-Match", "\"other\"").get(path("w:200/f:jpeg", "baseline_w700h996.jpg")).then().statusCode(200);
    }

    @Test
    void refusalsAreProblemDocuments() {
        problem(given().get("/img/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/w:100/" + source(OriginTestResource.origin.url("baseline_w700h996.jpg"))), 403, "bad-signature");
        problem(given().get("/img/unsafe/w:100/" + source("https://elsewhere.example/a.jpg")), 403, "origin-not-allowed");
        problem(given().get("/img/unsafe/w:100/" + source("http://localhost:1/a.jpg")), 403, "origin-not-allowed");
        problem(given().get(path("w:100", "bomb_w30000h30000.png")), 422, "source-too-many-pixels");
        problem(given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.base() + "page")), 422, "source-not-image");
        problem(given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.base() + "missing.jpg")), 404, "not-found");
        problem(given().get(path("w:5000", "baseline_w700h996.jpg")), 400, "validation");
        problem(given().get(path("fit:fill", "baseline_w700h996.jpg")), 400, "validation");
        problem(given().get("/img/unsafe/w:100/" + source(OriginTestResource.origin.url("baseline_w700h996.jpg")) + "==="), 400, "validation");
    }

    @Test
    void theBombIsRefusedInUnderASecond() {
        long start = System.nanoTime();
        given().get(path("w:101", "bomb_w30000h30000.png")).then().statusCode(422);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, millis + " ms");
    }

    @Test
    void metricsCountHitsMissesRefusalsAndResizeTime() {
        given().get(path("w:150", "baseline_w700h996.jpg")).then().statusCode(200);
        given().get(path("w:150", "baseline_w700h996.jpg")).then().statusCode(200);
        String metrics = given().accept("text/plain").get("/q/metrics").asString();
        assertTrue(metrics.contains("newsdesk_image_cache_total{result=\"hit\",tier=\"memory\""), metrics);
        assertTrue(metrics.contains("newsdesk_image_cache_total{result=\"miss\",tier=\"memory\""));
        assertTrue(metrics.contains("newsdesk_image_resize_seconds_count"), metrics.lines().filter(l -> l.contains("newsdesk")).toList().toString());
        assertTrue(metrics.lines().noneMatch(l -> l.contains("uri=\"/img/unsafe")), "one HTTP series for all image URLs");
        given().get(path("q:0", "baseline_w700h996.jpg"));
        assertTrue(given().accept("text/plain").get("/q/metrics").asString().contains("newsdesk_image_refusals_total{reason=\"validation\""));
    }

    private static void problem(Response response, int status, String slug) {
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", startsWith("https://newsdesk.dev/problems/" + slug));
    }
}

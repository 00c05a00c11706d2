package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An imported post's gallery, end to end: article-service signs the image URLs with the shared
 * key, the image-service verifies them, fetches from the local gallery origin and resizes.
 * Every URL the article emits — each image block's src and srcset, each {@code <img>} of the
 * body — must answer an image exactly as wide as it claims.
 */
@ExtendWith(RunningSystem.class)
class ImageFlowTest {

    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>");
    /** {@code {base}/img/}, the signature, the options, the source. */
    private static final Pattern SIGNED = Pattern.compile("^(.*/img/)([A-Za-z0-9_-]+)/(.+)/([A-Za-z0-9_-]+)$");

    private static final Pattern ATTR = Pattern.compile("\\b(src|srcset|width)=\"([^\"]*)\"");

    @Test
    void everyImageUrlOfAnImportedPostAnswersAnImageOfTheClaimedWidth() throws Exception {
        GalleryOrigin cdn = RunningSystem.galleryOrigin();
        String post = """
                ---
                layout: post
                title: "图库端到端测试：三张图片"
                date: 2024-03-05 09:30:00 +0800
                categories: e2e
                tags: 图片
                ---
                <p>第一段，介绍图库。</p>
                <p align="center">名单如下：</p><center><img src="%s" width="580" style="border:1px solid" /></center><center><img src="%s" width="580" /></center><center><img src="%s" /></center>
                （文章来源：测试来源）

                <http://example.com/news/e2e-images>
                """.formatted(
                        cdn.url("D25711400404053531447_w700h996.jpg"),
                        cdn.url("D25610396139466871928_w700h1808.jpg"),
                        cdn.url("D25000000000000000001_w300h200.jpg"));
        JsonNode article = importAndRead(post);

        Map<String, Integer> claims = new LinkedHashMap<>(); // URL → the width it claims
        Map<String, Integer> alternatives = new LinkedHashMap<>(); // AVIF and WebP URLs of the blocks' sources
        for (JsonNode block : article.get("blocks")) {
            if (block.get("type").asText().equals("image")) {
                claims.put(block.get("src").asText(), block.get("width").asInt());
                srcset(block.get("srcset").asText(), claims);
                for (JsonNode source : block.get("sources")) {
                    srcset(source.get("srcset").asText(), alternatives);
                }
            }
        }
        Matcher img = IMG.matcher(article.get("bodyHtml").asText());
        int imgs = 0;
        while (img.find()) {
            imgs++;
            Map<String, String> attrs = new LinkedHashMap<>();
            Matcher attr = ATTR.matcher(img.group());
            while (attr.find()) {
                attrs.put(attr.group(1), attr.group(2).replace("&amp;", "&"));
            }
            claims.put(attrs.get("src"), Integer.parseInt(attrs.get("width")));
            srcset(attrs.get("srcset"), claims);
        }
        assertEquals(3, imgs, article.get("bodyHtml").asText());
        assertTrue(claims.size() >= 3 + 2, claims.toString());

        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> claim : claims.entrySet()) {
            assertTrue(claim.getKey().startsWith(RunningSystem.system().image().baseUrl() + "/img/"), claim.getKey());
            assertFalse(claim.getKey().contains("/unsafe/"), "signed with the shared key: " + claim.getKey());
            for (String accept : new String[] {"image/avif,image/webp,*/*", "image/jpeg"}) {
                HttpResponse<byte[]> image = HTTP.send(
                        HttpRequest.newBuilder(URI.create(claim.getKey()))
                                .header("Accept", accept)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                String type = image.headers().firstValue("Content-Type").orElse("");
                BufferedImage decoded =
                        image.statusCode() == 200 ? ImageIO.read(new ByteArrayInputStream(image.body())) : null;
                if (decoded == null
                        || decoded.getWidth() != claim.getValue()
                        // src and srcset name f:jpeg (AVIF and WebP are offered as <source>s),
                        // so the answer is JPEG whatever the browser accepts.
                        || !type.equals("image/jpeg")) {
                    wrong.add(claim.getKey() + " (" + accept + "): " + image.statusCode() + " " + type + " "
                            + (decoded == null
                                    ? new String(image.body(), StandardCharsets.UTF_8)
                                    : decoded.getWidth() + " px, claimed " + claim.getValue()));
                }
            }
        }
        // Each alternative answers in the format its URL names, whatever Accept says (no Vary).
        assertTrue(alternatives.size() >= 2 * (3 + 2), alternatives.toString());
        for (String url : alternatives.keySet()) {
            String format = url.contains("/f:avif/") ? "image/avif" : "image/webp";
            HttpResponse<byte[]> image = HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Accept", "image/jpeg")
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String brand = image.body().length < 12 ? "" : new String(image.body(), 8, 4, StandardCharsets.ISO_8859_1);
            if (image.statusCode() != 200
                    || !format.equals(image.headers().firstValue("Content-Type").orElse(""))
                    || !brand.equals(format.equals("image/avif") ? "avif" : "WEBP")
                    || image.headers().firstValue("Vary").isPresent()) {
                wrong.add(url + ": " + image.statusCode() + " "
                        + image.headers().firstValue("Content-Type").orElse("") + " " + brand);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void aTamperedUrlIsRefusedWithAProblemDocument() throws Exception {
        String source = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        RunningSystem.galleryOrigin().url("X1_w700h996.jpg").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> unsigned =
                get(RunningSystem.system().image().url("/img/unsafe/w:360/f:auto/" + source), "image/*");
        assertEquals(403, unsigned.statusCode(), "unsafe is refused once a key is set");
        assertEquals(
                "application/problem+json",
                unsigned.headers().firstValue("Content-Type").orElse(""));
    }

    /**
     * A URL whose signature is genuine (article-service signed it) but whose path was changed
     * after signing: another width, an added option, another source. Each is refused with 403
     * before any work, so the origin never hears of either picture; the URL as signed still works.
     */
    @Test
    void aValidSignatureOverAChangedPathIsRefusedBeforeTheOriginIsAsked() throws Exception {
        GalleryOrigin cdn = RunningSystem.galleryOrigin();
        String signedName = "TAMPER1_w640h480.jpg";
        String otherName = "TAMPER2_w640h480.jpg";
        String post = """
                ---
                layout: post
                title: "图库端到端测试：签名篡改"
                date: 2024-03-06 10:00:00 +0800
                categories: e2e
                ---
                <p>签名之后改动路径的图片地址必须被拒绝。</p>
                <p><img src="%s"></p>
                """.formatted(cdn.url(signedName));
        String src = null;
        // article-service measures the picture for its placeholder (image-service fetches the
        // source once for that) in the background after the import: counted only once it has
        JsonNode measured = awaitPlaceholders(importAndRead(post).get("id").asLong(), Duration.ofSeconds(30));
        for (JsonNode block : measured.get("blocks")) {
            if (block.get("type").asText().equals("image")) {
                src = block.get("src").asText();
            }
        }
        Matcher signed = SIGNED.matcher(String.valueOf(src));
        assertTrue(signed.matches(), "a signed image URL: " + src);
        assertFalse(signed.group(2).equals("unsafe"), src);
        String prefix = signed.group(1) + signed.group(2) + "/";
        String options = signed.group(3);
        String source = signed.group(4);
        String otherSource = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(cdn.url(otherName).getBytes(StandardCharsets.UTF_8));
        int askedBefore = cdn.requests(signedName);

        for (String tampered : List.of(
                prefix + "w:320/" + options.replaceFirst("w:\\d+/", "") + "/" + source,
                prefix + options + "/q:10/" + source,
                prefix + options + "/" + otherSource)) {
            HttpResponse<String> refused = get(URI.create(tampered), "image/*");
            assertEquals(403, refused.statusCode(), tampered + ": " + refused.body());
            assertEquals(
                    "application/problem+json",
                    refused.headers().firstValue("Content-Type").orElse(""));
            assertTrue(JSON.readTree(refused.body()).get("type").asText().endsWith("/bad-signature"), refused.body());
        }
        assertEquals(askedBefore, cdn.requests(signedName), "the signed source was not fetched for a tampered URL");
        assertEquals(0, cdn.requests(otherName), "the substituted source was never fetched");
        assertEquals(200, get(URI.create(src), "image/jpeg").statusCode(), "the URL as signed is served");
    }

    /** Imports one post and reads the article back as the app does (JSON at its Location). */
    private static JsonNode importAndRead(String post) throws Exception {
        HttpResponse<String> imported = HTTP.send(
                HttpRequest.newBuilder(RunningSystem.system().article().url("/api/import"))
                        .header("Content-Type", "text/markdown")
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(imported.statusCode() == 201 || imported.statusCode() == 200, imported.body());
        String location = imported.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read =
                get(URI.create(RunningSystem.system().article().baseUrl()).resolve(location), "application/json");
        assertEquals(200, read.statusCode(), read.body());
        return JSON.readTree(read.body());
    }

    /** The article's JSON once every image block carries its placeholder. */
    private static JsonNode awaitPlaceholders(long id, Duration within) throws Exception {
        URI uri = RunningSystem.system().article().url("/api/articles/" + id);
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode article;
        do {
            HttpResponse<String> read = get(uri, "application/json");
            assertEquals(200, read.statusCode(), read.body());
            article = JSON.readTree(read.body());
            boolean measured = true;
            for (JsonNode block : article.get("blocks")) {
                if (block.get("type").asText().equals("image") && (!block.hasNonNull("placeholder"))) {
                    measured = false;
                }
            }
            if (measured) {
                return article;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no placeholders within " + within + ": " + article);
    }

    private static void srcset(String srcset, Map<String, Integer> claims) {
        if (srcset == null || srcset.isBlank()) {
            return;
        }
        for (String candidate : srcset.split(",\\s*")) {
            String[] parts = candidate.strip().split("\\s+");
            claims.put(parts[0], Integer.parseInt(parts[1].replace("w", "")));
        }
    }

    private static HttpResponse<String> get(URI uri, String accept) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", accept)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

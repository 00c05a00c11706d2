package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One post through article-service as its clients see it: imported over the API with the
 * write token, read back as JSON (fields, blocks, gallery), listed, found by a Chinese search
 * and shown as a page; every image URL it emits is signed with the shared key.
 */
@ExtendWith(RunningSystem.class)
class ArticleFlowTest {

    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IMAGE_URL = Pattern.compile("^(.*)/img/([A-Za-z0-9_-]+)(/.+)$");

    private static final String POST = """
            ---
            layout: post
            title: "端到端：港口吞吐量稳步回升"
            date: 2024-02-18 16:45:09 +0800
            categories: gangkou
            tags: 物流观察
            ---
            <p>多家港口发布的数据显示，一月份集装箱吞吐量稳步回升，外贸航线恢复明显。</p>
             <p>业内人士表示，随着航运价格趋稳，港口作业效率有望继续提高。</p>
             <p align="center">部分港口数据如下：</p><center><img src="https://dfscdn.dfcfw.com/download/E2E0001_w700h996.jpg" width="580" emheight="825" style="border:#d1d1d1 1px solid;" /></center><center><img src="https://dfscdn.dfcfw.com/download/E2E0002_w1600h900.jpg" width="580" /></center><p class="em_media">（文章来源：端到端日报）</p>

            <http://news.example.com/share/e2e-port-2024>

            [返回物流观察](//news.example.com/category/gangkou.html)｜[返回首页](//news.example.com/)
            """;

    @Test
    void importReadListSearchAndShowAPost() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        ServiceProcess article = system.article();

        HttpResponse<String> imported = HTTP.send(
                HttpRequest.newBuilder(article.url("/api/import"))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .header("Content-Type", "text/markdown")
                        .POST(HttpRequest.BodyPublishers.ofString(POST, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(imported.statusCode() == 201 || imported.statusCode() == 200, imported.body());
        long id = JSON.readTree(imported.body()).get("id").asLong();

        HttpResponse<String> read = get(article.url("/api/articles/" + id));
        assertEquals(200, read.statusCode());
        assertTrue(read.headers().firstValue("ETag").isPresent());
        JsonNode a = JSON.readTree(read.body());
        assertEquals("端到端：港口吞吐量稳步回升", a.get("title").asText());
        assertEquals("2024-02-18T16:45:09+08:00", a.get("publishedAt").asText());
        assertEquals("gangkou", a.get("categories").get(0).asText());
        assertEquals("物流观察", a.get("tags").get(0).asText());
        assertEquals("端到端日报", a.get("source").get("name").asText());
        assertEquals(
                "http://news.example.com/share/e2e-port-2024",
                a.get("source").get("url").asText());
        assertEquals(2, a.get("images").size());
        assertEquals(1600, a.get("images").get(1).get("width").asInt());
        List<String> types = new ArrayList<>();
        a.get("blocks").forEach(b -> types.add(b.get("type").asText()));
        assertEquals(List.of("paragraph", "paragraph", "paragraph", "image", "image"), types);
        String body = a.get("bodyHtml").asText();
        assertFalse(body.contains("文章来源") || body.contains("返回") || body.contains("style="), body);

        // Every image URL: the block's src and srcset entries, the body's <img> src and srcset, the lead image.
        List<String> urls = new ArrayList<>();
        for (JsonNode block : a.get("blocks")) {
            if (block.get("type").asText().equals("image")) {
                urls.add(block.get("src").asText());
                urls.addAll(srcset(block.get("srcset").asText()));
                for (JsonNode source : block.get("sources")) {
                    urls.addAll(srcset(source.get("srcset").asText()));
                }
            }
        }
        Matcher attrs = Pattern.compile("\\b(src|srcset)=\"([^\"]*)\"").matcher(body);
        while (attrs.find()) {
            urls.addAll(attrs.group(1).equals("src") ? List.of(attrs.group(2)) : srcset(attrs.group(2)));
        }
        urls.add(a.get("leadImage").get("src").asText());
        // blocks: 2 src + (2 + 4) JPEG srcset + the same 6 widths as AVIF and as WebP; body
        // (<img> and <source>): the same 20; lead image: 1
        assertEquals(41, urls.size(), urls.toString());
        for (String url : urls) {
            assertSigned(url, system.image().baseUrl(), system.signingKey());
        }

        // Other classes share the database (and the word): the post must be listed, not first.
        assertTrue(listed(article, "category=gangkou", id), "listed in its category");
        assertTrue(listed(article, "q=" + URLEncoder.encode("吞吐量", StandardCharsets.UTF_8), id), "found by search");

        HttpResponse<String> page = get(article.url("/articles/" + a.get("slug").asText()));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<title>端到端：港口吞吐量稳步回升 · newsdesk</title>"));
        assertTrue(
                page.body().contains(system.feed().baseUrl() + "/feeds/rss.xml"), "alternate link to the feed-service");
        assertTrue(page.body().contains(system.image().baseUrl() + "/img/"));
    }

    private static List<String> srcset(String srcset) {
        List<String> urls = new ArrayList<>();
        for (String candidate : srcset.split(",")) {
            urls.add(candidate.strip().split("\\s+")[0]);
        }
        return urls;
    }

    /** The shared format: {base}/img/{base64url HMAC-SHA256(hex key, "/{options}/{source}")}/{options}/{source}. */
    private static void assertSigned(String url, String imageBase, String keyHex) throws Exception {
        Matcher m = IMAGE_URL.matcher(url);
        assertTrue(m.matches(), url);
        assertEquals(imageBase, m.group(1), url);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(keyHex), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(m.group(3).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, m.group(2), url);
        String[] parts = m.group(3).split("/");
        String source = new String(Base64.getUrlDecoder().decode(parts[parts.length - 1]), StandardCharsets.UTF_8);
        assertTrue(source.startsWith("https://dfscdn.dfcfw.com/download/E2E000"), source);
    }

    /** Whether walking {@code /api/articles?{query}} page by page (at most 20 pages) meets article {@code id}. */
    private static boolean listed(ServiceProcess article, String query, long id) throws Exception {
        String cursor = null;
        for (int page = 0; page < 20; page++) {
            JsonNode listing = JSON.readTree(get(article.url("/api/articles?" + query + "&limit=100"
                            + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))))
                    .body());
            for (JsonNode item : listing.get("items")) {
                if (item.get("id").asLong() == id) {
                    return true;
                }
            }
            if (listing.get("nextCursor").isNull()) {
                return false;
            }
            cursor = listing.get("nextCursor").asText();
        }
        return false;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

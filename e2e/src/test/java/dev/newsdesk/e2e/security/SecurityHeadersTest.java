package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The three packaged services together: every route family of each answers with
 * {@code nosniff} and a Referrer-Policy; pages with the strict policy naming the configured
 * image base; pictures embeddable by any site; no service sends HSTS (the edge's).
 */
@ExtendWith(RunningSystem.class)
class SecurityHeadersTest {

    @Test
    void everyAnswerOfEveryServiceCarriesTheHeadersItsKindNeeds() {
        NewsdeskSystem system = RunningSystem.system();
        String article = system.article().baseUrl();
        String image = system.image().baseUrl();
        String feed = system.feed().baseUrl();
        JsonNode imported = Calls.importPost(
                system, """
                ---
                layout: post
                title: "安全头端到端"
                date: 2024-02-02 10:00:00 +0800
                categories: 安全头
                tags: 安全
                ---
                <p>正文。</p><p><img src="%s"></p>
                """.formatted(RunningSystem.galleryOrigin().url("D1_w300h200.jpg")));
        String picture = null;
        for (JsonNode block : imported.get("blocks")) {
            picture = block.get("type").asText().equals("image")
                    ? block.get("src").asText()
                    : picture;
        }
        assertTrue(picture != null, imported.toString());
        long id = imported.get("id").asLong();
        String page = article + "/articles/" + imported.get("slug").asText();

        List<String> wrong = new ArrayList<>();
        for (String url : List.of(
                article + "/api/articles/" + id,
                article + "/api/articles/" + id, // the cache-hit route
                article + "/api/articles?limit=3",
                article + "/api/articles?limit=0",
                article + "/api/tags",
                article + "/sitemap.xml",
                article + "/robots.txt",
                article + "/no/such/path",
                article + "/q/health/ready",
                article + "/q/openapi",
                image + "/img/unsafe/w:1/aGk",
                image + "/no/such/path",
                image + "/q/health/ready",
                image + "/q/metrics",
                feed + "/feeds/rss.xml",
                feed + "/feeds/feed.json",
                feed + "/feeds/tags/no-such-tag/atom.xml",
                feed + "/q/openapi")) {
            check(Calls.get(url), wrong, false);
        }
        for (String url : List.of(page, article + "/", article + "/search?q=安全", article + "/articles/none-such")) {
            HttpResponse<String> answer = Calls.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Calls.TIMEOUT)
                    .header("Accept", "text/html")
                    .build());
            check(answer, wrong, true);
            String policy =
                    answer.headers().firstValue("Content-Security-Policy").orElse("");
            if (!policy.contains("img-src 'self' " + article + " " + image + ";")) {
                wrong.add(url + ": pictures of the image base not allowed: " + policy);
            }
        }
        HttpResponse<String> resized = Calls.get(picture);
        assertEquals(200, resized.statusCode(), picture);
        check(resized, wrong, false);
        if (!"cross-origin"
                .equals(resized.headers()
                        .firstValue("Cross-Origin-Resource-Policy")
                        .orElse(""))) {
            wrong.add(picture + ": no Cross-Origin-Resource-Policy: cross-origin");
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(HttpResponse<String> answer, List<String> wrong, boolean page) {
        String where = answer.uri() + " (" + answer.statusCode() + ")";
        assertTrue(answer.statusCode() < 500, where);
        if (!"nosniff"
                .equals(answer.headers().firstValue("X-Content-Type-Options").orElse(""))) {
            wrong.add(where + ": no nosniff");
        }
        if (!"strict-origin-when-cross-origin"
                .equals(answer.headers().firstValue("Referrer-Policy").orElse(""))) {
            wrong.add(where + ": no Referrer-Policy");
        }
        if (answer.headers().firstValue("Strict-Transport-Security").isPresent()) {
            wrong.add(where + ": HSTS from a service");
        }
        String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
        if (page != policy.startsWith("default-src 'none'; ")) {
            wrong.add(where + ": page policy " + (page ? "missing" : "on a non-page") + ": " + policy);
        }
        if (page
                && (policy.contains("unsafe")
                        || policy.contains("script-src")
                        || !policy.contains("frame-ancestors 'none'")
                        || !policy.contains("base-uri 'none'"))) {
            wrong.add(where + ": not strict: " + policy);
        }
    }
}

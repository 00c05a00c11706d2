package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private final SecurityHeaders headers =
            new SecurityHeaders(List.of("https://news.example/", "https://img.example:8443/cdn"), List.of());

    @Test
    void everyAnswerIsNosniffWithAReferrerPolicy() {
        for (String type : new String[] {"application/json", "application/problem+json", "text/css", null}) {
            Map<String, String> answer = headers.forAnswer("/api/articles", 200, type);
            assertEquals("nosniff", answer.get("X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", answer.get("Referrer-Policy"));
            assertFalse(answer.containsKey("Content-Security-Policy"), "no page policy on " + type);
            assertFalse(answer.containsKey("Cross-Origin-Resource-Policy"));
        }
    }

    @Test
    void pagesGetAPolicyWithoutScriptOrInlineStyle() {
        String policy =
                headers.forAnswer("/articles/a", 200, "text/html;charset=UTF-8").get("Content-Security-Policy");
        assertEquals(
                "default-src 'none'; style-src 'self' https://news.example https://img.example:8443;"
                        + " img-src 'self' https://news.example https://img.example:8443;"
                        + " form-action 'self' https://news.example https://img.example:8443;"
                        + " frame-ancestors 'none'; base-uri 'none'",
                policy);
        assertFalse(policy.contains("unsafe"));
        assertFalse(policy.contains("script-src"));
        assertEquals("DENY", headers.forAnswer("/", 404, "TEXT/HTML").get("X-Frame-Options"));
    }

    @Test
    void inlineStylesAreAllowedByTheirHashOnly() {
        String policy = new SecurityHeaders(List.of("http://localhost:8080"), List.of("abc=")).pagePolicy();
        assertTrue(policy.contains("style-src 'self' http://localhost:8080 'sha256-abc=';"), policy);
        assertTrue(policy.contains("img-src 'self' http://localhost:8080;"), policy);
    }

    @Test
    void theOriginsAreNamedOnce() {
        String policy = new SecurityHeaders(List.of("http://localhost:8080/", "http://LOCALHOST:8080/x"), List.of())
                .pagePolicy();
        assertTrue(policy.contains("img-src 'self' http://localhost:8080;"), policy);
    }

    @Test
    void developerToolsUnderQKeepOnlyTheFramingRule() {
        assertEquals(
                "frame-ancestors 'none'",
                headers.forAnswer("/q/swagger-ui/", 200, "text/html").get("Content-Security-Policy"));
    }

    @Test
    void imagesMayBeEmbeddedAnywhere() {
        assertEquals(
                "cross-origin",
                headers.forAnswer("/img/unsafe/w:10/aGk", 200, "image/webp").get("Cross-Origin-Resource-Policy"));
        assertEquals(
                "cross-origin",
                headers.forAnswer("/favicon.ico", 200, "image/x-icon").get("Cross-Origin-Resource-Policy"));
        assertEquals(
                "cross-origin",
                headers.forAnswer("/img/unsafe/w:10/aGk", 304, null).get("Cross-Origin-Resource-Policy"));
        assertFalse(headers.forAnswer("/img/bad", 403, "application/problem+json")
                .containsKey("Cross-Origin-Resource-Policy"));
    }

    @Test
    void aBaseThatIsNoAbsoluteUrlIsRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new SecurityHeaders(List.of("localhost"), List.of()));
    }
}

package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bounded HTTP calls of the security tests, and the image URLs they sign with the system's key. */
final class Calls {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Calls() {}

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Imports one Jekyll post with the system's token; the created or updated article's JSON. */
    static JsonNode importPost(NewsdeskSystem system, String post) {
        HttpResponse<String> imported =
                send(HttpRequest.newBuilder(system.article().url("/api/import"))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "text/markdown")
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8))
                        .build());
        assertTrue(imported.statusCode() == 201 || imported.statusCode() == 200, imported.body());
        return json(imported.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A problem document (RFC 9457) with a 4xx status: its JSON. */
    static JsonNode assertClientProblem(HttpResponse<String> answer, String what) {
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, what + ": " + answer.statusCode());
        assertEquals(
                "application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""),
                what + ": " + answer.body());
        JsonNode problem = json(answer.body());
        assertEquals(answer.statusCode(), problem.get("status").asInt(), what);
        return problem;
    }

    /** An image-service URL for {@code source}, signed with the running system's key. */
    static String signedImageUrl(NewsdeskSystem system, String options, String source) {
        String path = "/" + options + "/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(source.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(system.signingKey()), "HmacSHA256"));
            String signature = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(path.getBytes(StandardCharsets.UTF_8)));
            return system.image().baseUrl() + "/img/" + signature + path;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

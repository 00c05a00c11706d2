package dev.newsdesk.feed.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests the OpenAPI fuzzer found answered with a 500: now 4xx problem documents. */
@QuarkusTest
class MalformedRequestsTest {

    @Test
    void aPathWhoseEscapesDecodeToPercentSignsIsAProblemNotA500() {
        given().urlEncodingEnabled(false)
                .get("/feeds/tags/;///%25s%25n%25x?page=1.5")
                .then()
                .statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)))
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aBrokenEscapeIsABadRequest() throws IOException {
        String answer = raw("GET /feeds/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        // Refused by Vert.x's HTTP codec before any route: a bare 400 (see the article-service twin).
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    /** Sends a request byte for byte (a client library refuses a broken escape or a garbage media type). */
    static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

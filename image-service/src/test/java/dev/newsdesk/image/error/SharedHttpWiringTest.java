package dev.newsdesk.image.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of newsdesk-http is found in this service: its exception mapper and
 * unmatched-route handler (CDI, through the jar's index) and its trace-export config source
 * (ServiceLoader). Without them these answers would be Vert.x's plain-text pages.
 */
@QuarkusTest
class SharedHttpWiringTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void unmatchedRoutesAnswerWithAProblemDocument() {
        given().get("/no/such/path")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/not-found"))
                .body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/path"));
    }

    /**
     * Only UnmatchedRoutes answers a declared Content-Length over the limit with a document (the
     * HTTP layer's own 413 has no body). Sent over a plain socket: HTTP clients will not declare
     * a length they do not send.
     */
    @Test
    void anOversizedDeclaredBodyIsAProblemDocument() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /anything HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 999999999999\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(
                    answer.contains(
                            "\"detail\":\"The request body is 999999999999 bytes; this service accepts at most "),
                    answer);
        }
    }

    /** The status line, headers and body of one answer; the server may keep the connection open for the body it was promised. */
    private static String readAnswer(InputStream in) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int end = answer.indexOf("\r\n\r\n");
            Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
            if (end >= 0 && (!length.find() || answer.length() - end - 4 >= Integer.parseInt(length.group(1)))) {
                break;
            }
        }
        return answer.toString();
    }

    @Test
    void theExceptionMapperAnswersFrameworkAndDomainErrors() {
        given().request("POST", "/img/unsafe/w:100/aGVsbG8")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/method-not-allowed"))
                .body("title", equalTo("Method Not Allowed"));
        given().get("/img/unsafe/w:100/fit:fill/aGVsbG8")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/validation"))
                .body("title", equalTo("Invalid Input"))
                .body("errors[0].field", equalTo("fit"))
                .body("instance", equalTo("/img/unsafe/w:100/fit:fill/aGVsbG8"));
    }

    @Test
    void traceExportSetsTheSamplerRatio() {
        ConfigValue ratio = ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class)
                .getConfigValue("quarkus.otel.traces.sampler.arg");
        assertEquals("newsdesk-trace-export", ratio.getConfigSourceName());
        assertEquals("0.0", ratio.getValue());
    }
}

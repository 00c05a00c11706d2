package dev.newsdesk.image.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsdesk.image.testing.OriginTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route family of image-service answers with the security headers: resized pictures
 * (first from the pipeline, then from the memory cache's fast route, then revalidated), their
 * problem documents, unmatched routes and {@code /q/*}; pictures may be embedded by any site.
 */
@QuarkusTest
@QuarkusTestResource(value = OriginTestResource.class, restrictToAnnotatedClass = true)
class SecurityHeadersTest {

    @Test
    void picturesAreNosniffAndEmbeddableAnywhereOnEveryPath() {
        String url = ImageHttpTest.path("w:120/f:jpeg", "baseline_w700h996.jpg");
        Response first = given().get(url);
        Response hit = given().get(url);
        Response revalidated =
                given().header("If-None-Match", hit.header("ETag")).get(url);
        assertEquals(List.of(200, 200, 304), List.of(first.statusCode(), hit.statusCode(), revalidated.statusCode()));
        for (Response picture : List.of(first, hit, revalidated)) {
            assertEquals("nosniff", picture.header("X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", picture.header("Referrer-Policy"));
            assertEquals("cross-origin", picture.header("Cross-Origin-Resource-Policy"));
            assertNull(picture.header("Strict-Transport-Security"), "HSTS is the edge's");
        }
    }

    @Test
    void problemsAndToolsAreNosniffWithAReferrerPolicy() {
        String[][] answers = {
            {"GET", ImageHttpTest.path("w:99999", "baseline_w700h996.jpg")}, // a size out of range
            {"GET", "/img/bad-signature/w:10/aGk"},
            {"GET", "/img"},
            {"POST", ImageHttpTest.path("w:120", "baseline_w700h996.jpg")}, // 405
            {"GET", "/q/health/ready"},
            {"GET", "/q/metrics"},
            {"GET", "/q/openapi"},
        };
        for (String[] call : answers) {
            Response answer = given().request(call[0], call[1]);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), call[1] + " " + answer.statusCode());
            assertEquals("strict-origin-when-cross-origin", answer.header("Referrer-Policy"), call[1]);
            assertNull(answer.header("Content-Security-Policy"), call[1] + " is no page");
        }
    }
}

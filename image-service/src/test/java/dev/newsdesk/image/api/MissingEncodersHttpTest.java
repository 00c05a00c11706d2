package dev.newsdesk.image.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.newsdesk.image.testing.OriginTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host without the codec libraries (simulated by turning both native encoders off, which takes
 * the same path as a failed library lookup): not an outage. {@code f:auto} falls back to JPEG,
 * an explicit {@code f:avif}/{@code f:webp} is a 422 naming the format, and readiness stays up.
 */
@QuarkusTest
@TestProfile(MissingEncodersHttpTest.NoNativeEncoders.class)
@QuarkusTestResource(value = OriginTestResource.class, restrictToAnnotatedClass = true)
class MissingEncodersHttpTest {

    public static class NoNativeEncoders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.image-encoders", "none");
        }
    }

    @Test
    void autoFallsBackToJpegForChrome() {
        given().header("Accept", ImageHttpTest.CHROME)
                .get(ImageHttpTest.path("w:200/f:auto", "baseline_w700h996.jpg"))
                .then()
                .statusCode(200)
                .contentType("image/jpeg")
                .header("Vary", "Accept");
    }

    @Test
    void explicitAvifOrWebpIsAProblemNamingTheFormat() {
        for (String format : new String[] {"avif", "webp"}) {
            for (int round = 0; round < 2; round++) { // the second time through the fast route's check as well
                given().get(ImageHttpTest.path("w:200/f:" + format, "baseline_w700h996.jpg"))
                        .then()
                        .statusCode(422)
                        .contentType("application/problem+json")
                        .body("status", equalTo(422))
                        .body("type", containsString("format-unavailable"))
                        .body("detail", containsString(format));
            }
        }
    }

    @Test
    void readinessStaysUp() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}

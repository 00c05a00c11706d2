package dev.newsdesk.image.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * The plumbing of newsdesk-http is found in this service: its exception mapper and
 * unmatched-route handler (CDI, through the jar's index) and its trace-export config source
 * (ServiceLoader). Without them these answers would be Vert.x's plain-text pages.
 */
@QuarkusTest
class SharedHttpWiringTest {

    @Test
    void unmatchedRoutesAnswerWithAProblemDocument() {
        given().get("/no/such/path").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/not-found")).body("title", equalTo("Not Found"))
                .body("instance", equalTo("/no/such/path"));
    }

    @Test
    void theExceptionMapperAnswersFrameworkAndDomainErrors() {
        given().request("POST", "/img/unsafe/w:100/aGVsbG8").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/method-not-allowed"))
                .body("title", equalTo("Method Not Allowed"));
        given().get("/img/unsafe/w:100/fit:fill/aGVsbG8").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://newsdesk.dev/problems/validation")).body("title", equalTo("Invalid input"))
                .body("errors[0].field", equalTo("fit")).body("instance", equalTo("/img/unsafe/w:100/fit:fill/aGVsbG8"));
    }

    @Test
    void traceExportSetsTheSamplerRatio() {
        ConfigValue ratio = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigValue("quarkus.otel.traces.sampler.arg");
        assertEquals("newsdesk-trace-export", ratio.getConfigSourceName());
        assertEquals("0.0", ratio.getValue());
    }
}

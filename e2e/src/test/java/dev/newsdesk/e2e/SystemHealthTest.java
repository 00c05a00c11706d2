package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RunningSystem.class)
class SystemHealthTest {

    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyServiceIsLiveAndReady() throws Exception {
        for (ServiceProcess service : RunningSystem.system().services()) {
            HttpResponse<String> live = get(service.url("/q/health/live"));
            HttpResponse<String> ready = get(service.url("/q/health/ready"));
            assertEquals(200, live.statusCode(), service.name() + " live");
            assertEquals(200, ready.statusCode(), service.name() + " ready");
            assertEquals("UP", JSON.readTree(ready.body()).get("status").asText(), service.name());
        }
    }

    @Test
    void feedServiceReachesArticleService() throws Exception {
        // Until its first poll of article-service, feed-service answers 503 with Retry-After (the
        // contract's "none held yet"); readiness does not wait for article-service, so allow a moment.
        HttpResponse<String> feed = get(RunningSystem.system().feed().url("/feeds/feed.json"));
        for (int i = 0; i < 50 && feed.statusCode() == 503; i++) {
            Thread.sleep(200);
            feed = get(RunningSystem.system().feed().url("/feeds/feed.json"));
        }
        assertEquals(200, feed.statusCode(), feed.body());
        JsonNode body = JSON.readTree(feed.body());
        assertEquals("https://jsonfeed.org/version/1.1", body.get("version").asText());
        assertTrue(body.get("items").isArray());
    }

    @Test
    void unknownPathsAreProblemDocumentsEverywhere() throws Exception {
        for (ServiceProcess service : RunningSystem.system().services()) {
            HttpResponse<String> response = get(service.url("/definitely/not/here"));
            assertEquals(404, response.statusCode(), service.name());
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse("").split(";")[0],
                    service.name());
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Small files that declare gigapixels: decoding one would need gigabytes the image-service's
 * heap does not have. Each is refused with a 4xx problem that names the declared size (read from
 * the header: nothing decodes before the size check), and the service stays ready.
 */
@ExtendWith(RunningSystem.class)
class DecompressionBombTest {

    @Test
    void bombsAreRefusedFromTheirHeaderBeforeDecoding() {
        NewsdeskSystem system = RunningSystem.system();
        Map<String, Bomb> bombs = Map.of(
                "jpeg", new Bomb("image/jpeg", Bombs.jpeg(65_500, 65_500), "65500x65500"),
                "gif", new Bomb("image/gif", Bombs.gif(65_535, 65_535), "65535x65535"),
                "webp", new Bomb("image/webp", Bombs.webpLossless(16_384, 16_384), "16384x16384"));
        for (Map.Entry<String, Bomb> entry : bombs.entrySet()) {
            Bomb bomb = entry.getValue();
            assertTrue(bomb.bytes().length < 2_000, entry.getKey() + " is small: " + bomb.bytes().length);
            String url = RunningSystem.galleryOrigin()
                    .place("bomb-" + System.nanoTime() + "." + entry.getKey(), bomb.type(), bomb.bytes());
            long started = System.nanoTime();
            HttpResponse<String> answer = Calls.get(Calls.signedImageUrl(system, "w:100", url));
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonNode problem = Calls.assertClientProblem(answer, entry.getKey());
            assertTrue(problem.get("type").asText().endsWith("source-too-many-pixels"), answer.body());
            assertTrue(problem.get("detail").asText().contains(bomb.declared()), answer.body());
            // A decode of billions of pixels takes minutes or fails out of memory; a header read, milliseconds.
            assertTrue(millis < 10_000, entry.getKey() + " took " + millis + " ms");
        }
        HttpResponse<String> ready = Calls.get(system.image().baseUrl() + "/q/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
    }

    private record Bomb(String type, byte[] bytes, String declared) {}
}

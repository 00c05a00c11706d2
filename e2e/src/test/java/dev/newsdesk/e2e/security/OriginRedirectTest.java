package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.GalleryOrigin;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SSRF through an allowed origin: the gallery origin (allowed by its literal address) redirects
 * to loopback in every spelling a parser may read differently. Each is refused with a 4xx
 * problem, and the target, listening on that address, never sees a connection.
 */
@ExtendWith(RunningSystem.class)
class OriginRedirectTest {

    @Test
    void redirectsToLoopbackInAnySpellingAreRefusedAndNeverContacted() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        GalleryOrigin origin = RunningSystem.galleryOrigin();
        try (LoopbackListeners targets = new LoopbackListeners("127.0.0.1", "127.0.0.2", "::1")) {
            int port = targets.port();
            List<String> spellings = List.of(
                    "http://127.0.0.1:" + port + "/secret.jpg",
                    "http://127.0.0.2:" + port + "/secret.jpg",
                    "http://0.0.0.0:" + port + "/secret.jpg",
                    "http://[::1]:" + port + "/secret.jpg",
                    "http://2130706433:" + port + "/secret.jpg", // 127.0.0.1 as one decimal number
                    "http://0x7f000001:" + port + "/secret.jpg",
                    "http://127.1:" + port + "/secret.jpg",
                    "http://[::ffff:127.0.0.1]:" + port + "/secret.jpg");
            for (int i = 0; i < spellings.size(); i++) {
                String hop = origin.redirect("ssrf-" + i + "-" + System.nanoTime() + ".jpg", spellings.get(i));
                HttpResponse<String> answer = Calls.get(Calls.signedImageUrl(system, "w:100", hop));
                JsonNode problem = Calls.assertClientProblem(answer, spellings.get(i));
                assertTrue(problem.get("detail").asText().length() > 0, spellings.get(i));
            }
            assertEquals(0, targets.connections(), "a loopback target was contacted");
        }
    }
}

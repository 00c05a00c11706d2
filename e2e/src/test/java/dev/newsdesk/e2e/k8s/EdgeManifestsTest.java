package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge of issue 13 as manifests: the Ingress objects (hashing for /img, a limit on the search
 * only) and the ingress-nginx controller settings that make over-the-limit a 429 problem document.
 * Each policy check is also shown to catch its breakage.
 */
class EdgeManifestsTest {

    private static final String NGINX = "nginx.ingress.kubernetes.io/";
    private final Path root = Manifests.root();
    private final List<Map<String, Object>> objects = new ArrayList<>();

    EdgeManifestsTest() {
        for (String service : List.of("article-service", "image-service", "feed-service")) {
            objects.addAll(Manifests.load(root.resolve("k8s/base/generated/" + service + ".yml")));
        }
        objects.addAll(Manifests.load(root.resolve("k8s/base/ingress.yaml")));
    }

    @Test
    void theIngressesPassThePolicy() {
        assertEquals(3, Manifests.ofKind(objects, "Ingress").size());
        assertEquals(List.of(), ManifestPolicy.ingress(objects));
    }

    @Test
    void aLimitOnReadsOfArticlesIsCaught() {
        annotations("newsdesk").put(NGINX + "limit-rps", "5");
        List<String> violations = ManifestPolicy.ingress(objects);
        assertTrue(
                violations.contains("Ingress/newsdesk: /articles is rate-limited, but reads of it must not be"),
                violations.toString());
    }

    @Test
    void imagesWithoutConsistentHashingAreCaught() {
        annotations("newsdesk-img").remove(NGINX + "upstream-hash-by");
        assertEquals(
                List.of("Ingress/newsdesk-img: /img to image-service is not hashed by $request_uri (one resize per"
                        + " rendition)"),
                ManifestPolicy.ingress(objects));
    }

    @Test
    void anUnlimitedSearchIsCaught() {
        annotations("newsdesk-search").remove(NGINX + "limit-rps");
        annotations("newsdesk-search").remove(NGINX + "limit-burst-multiplier");
        assertEquals(List.of("Ingress/newsdesk-search: /search is not rate-limited"), ManifestPolicy.ingress(objects));
    }

    @Test
    void theControllerSettingsAnswer429WithRetryAfterAndAProblemDocument() {
        List<Map<String, Object>> controller = Manifests.load(root.resolve("k8s/ingress-nginx/controller-config.yaml"));
        assertEquals(List.of(), new ManifestSchemas(root.resolve("k8s/schemas")).violations(controller));
        Map<String, Object> data = Manifests.map(controller.get(0), "data");
        assertEquals("429", data.get("limit-req-status-code"));
        String server = (String) data.get("server-snippet");
        assertTrue(server.contains("error_page 429 @newsdesk_too_many_requests;"), server);
        assertTrue(server.contains("add_header Retry-After"), server);
        assertTrue(server.contains("default_type application/problem+json;"), server);
        // Reads carry no key for the write zone, so they are never counted.
        String http = (String) data.get("http-snippet");
        for (String read : List.of("GET", "HEAD", "OPTIONS")) {
            assertTrue(http.contains(read + " \"\";"), http);
        }
    }

    private Map<String, Object> annotations(String ingress) {
        return Manifests.ofKind(objects, "Ingress").stream()
                .filter(i -> Manifests.name(i).equals(ingress))
                .map(i -> Manifests.path(i, "metadata", "annotations"))
                .findFirst()
                .orElseThrow();
    }
}

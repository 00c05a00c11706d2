package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The edge as manifests: the Gateway, its HTTPRoutes and the NGINX Gateway Fabric policies meet
 * the policy ({@link GatewayPolicy}) and the CRD schemas of the pinned releases; each check is also
 * shown to catch its breakage, and a broken route fails the schema.
 */
class EdgeManifestsTest {

    private final Path root = Manifests.root();
    private final ManifestSchemas schemas = new ManifestSchemas(root.resolve("k8s/schemas"));
    private final List<Map<String, Object>> edge = new ArrayList<>();
    private final List<Map<String, Object>> objects = new ArrayList<>();

    EdgeManifestsTest() {
        edge.addAll(Manifests.load(root.resolve("k8s/base/gateway.yaml")));
        edge.addAll(Manifests.load(root.resolve("k8s/base/edge-policies.yaml")));
        for (String service : List.of("article-service", "image-service", "feed-service")) {
            objects.addAll(Manifests.load(root.resolve("k8s/base/generated/" + service + ".yml")));
        }
        objects.addAll(edge);
    }

    @Test
    void theGatewayRoutesAndPoliciesPassThePolicyAndTheirSchemas() {
        assertEquals(4, Manifests.ofKind(objects, "HTTPRoute").size());
        assertEquals(List.of(), GatewayPolicy.check(objects));
        assertEquals(List.of(), schemas.violations(edge));
    }

    @Test
    void aMisspelledFieldInARouteFailsTheSchema() {
        Map<String, Object> rule = rules("newsdesk-search").get(0);
        rule.put("backendRef", rule.remove("backendRefs"));
        List<String> violations = schemas.violations(edge);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("HTTPRoute/newsdesk-search: "), violations.get(0));
        assertTrue(violations.get(0).contains("backendRef"), violations.get(0));
    }

    @Test
    void anIngressPathTypeInARouteFailsTheSchema() {
        Map<String, Object> match =
                Manifests.list(rules("newsdesk-search").get(0), "matches").get(0);
        Manifests.map(match, "path").put("type", "Prefix");
        List<String> violations = schemas.violations(edge);
        assertTrue(
                violations.stream().anyMatch(v -> v.startsWith("HTTPRoute/newsdesk-search: ") && v.contains("enum")),
                violations.toString());
    }

    @Test
    void aLoadBalancingMethodTheControllerDoesNotKnowFailsTheSchema() {
        Manifests.map(policy("UpstreamSettingsPolicy"), "spec").put("loadBalancingMethod", "consistent hash");
        List<String> violations = schemas.violations(edge);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("UpstreamSettingsPolicy/image-service-by-uri: "), violations.get(0));
    }

    @Test
    void aLimitOnReadsOfArticlesIsCaught() {
        Map<String, Object> limit = policy("RateLimitPolicy");
        Manifests.list(Manifests.map(limit, "spec"), "targetRefs").get(0).put("name", "newsdesk");
        List<String> violations = GatewayPolicy.check(objects);
        assertTrue(
                violations.contains("GET /api/articles is rate-limited, but reads must not be"), violations.toString());
        assertTrue(violations.contains("GET /search is not rate-limited"), violations.toString());
    }

    @Test
    void imagesWithoutConsistentHashingAreCaught() {
        objects.remove(policy("UpstreamSettingsPolicy"));
        assertEquals(
                List.of("image-service is not hashed by $request_uri (one resize per rendition)"),
                GatewayPolicy.check(objects));
    }

    @Test
    void aPrefixRootThatPublishesTheManagementPathsIsCaught() {
        List<Map<String, Object>> matches = Manifests.list(rules("newsdesk").get(0), "matches");
        Map<String, Object> root = matches.get(matches.size() - 1);
        assertEquals("/", Manifests.map(root, "path").get("value"));
        Manifests.map(root, "path").put("type", "PathPrefix");
        List<String> violations = GatewayPolicy.check(objects);
        assertTrue(violations.contains("/q/metrics is routed, but must not be published"), violations.toString());
    }

    @Test
    void plainHttpServingTheSiteAndAnIngressAreCaught() {
        Map<String, Object> route = route("newsdesk-search");
        Manifests.list(Manifests.map(route, "spec"), "parentRefs").get(0).put("sectionName", "http");
        objects.add(Map.of(
                "apiVersion", "networking.k8s.io/v1",
                "kind", "Ingress",
                "metadata",
                        Map.of("name", "old", "annotations", Map.of("nginx.ingress.kubernetes.io/limit-rps", "5"))));
        assertEquals(
                List.of(
                        "Ingress/old: ingress-nginx is retired; the Gateway is the edge",
                        "Ingress/old: an ingress-nginx annotation",
                        "Gateway/newsdesk listener http: plain HTTP serves HTTPRoute/newsdesk-search instead of"
                                + " redirecting"),
                GatewayPolicy.check(objects));
    }

    private Map<String, Object> route(String name) {
        return Manifests.ofKind(edge, "HTTPRoute").stream()
                .filter(r -> Manifests.name(r).equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> rules(String route) {
        return Manifests.list(Manifests.map(route(route), "spec"), "rules");
    }

    private Map<String, Object> policy(String kind) {
        return Manifests.ofKind(edge, kind).get(0);
    }
}

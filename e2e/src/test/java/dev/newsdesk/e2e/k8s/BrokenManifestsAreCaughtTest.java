package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks catch what they are for: each test breaks one thing in article-service's
 * generated manifest (the committed copy, so no kubectl is needed) and expects exactly
 * that violation, after making sure the unbroken manifest has none.
 */
class BrokenManifestsAreCaughtTest {

    private final List<Map<String, Object>> objects =
            Manifests.load(Manifests.root().resolve("k8s/base/generated/article-service.yml"));
    private final Map<String, Object> deployment =
            Manifests.ofKind(objects, "Deployment").get(0);
    private final Map<String, Object> container = Manifests.list(
                    Manifests.path(deployment, "spec", "template", "spec"), "containers")
            .get(0);

    @Test
    void theUnbrokenManifestPasses() {
        assertEquals(List.of(), ManifestPolicy.containers(objects));
        assertEquals(List.of(), ManifestPolicy.services(objects));
        assertEquals(List.of(), new ManifestSchemas(Manifests.root().resolve("k8s/schemas")).violations(objects));
    }

    @Test
    void aProbeOnTheWrongPortIsCaught() {
        Manifests.path(container, "readinessProbe", "httpGet").put("port", 8081);
        assertEquals(
                List.of("Deployment/article-service container article-service: readinessProbe on port 8081,"
                        + " which the container does not declare"),
                ManifestPolicy.containers(objects));
    }

    @Test
    void aServiceSelectingNothingIsCaught() {
        Map<String, Object> service = Manifests.ofKind(objects, "Service").get(0);
        Manifests.path(service, "spec").put("selector", Map.of("app.kubernetes.io/name", "article-servce"));
        List<String> violations = ManifestPolicy.services(objects);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("Service/article-service: selector"), violations.get(0));
    }

    @Test
    void aServiceTargetingAnUndeclaredPortIsCaught() {
        Map<String, Object> service = Manifests.ofKind(objects, "Service").get(0);
        Manifests.list(Manifests.path(service, "spec"), "ports").get(0).put("targetPort", 8081);
        assertEquals(
                List.of("Service/article-service: targetPort 8081 is not a port of Deployment/article-service"),
                ManifestPolicy.services(objects));
    }

    @Test
    void aContainerWithoutLimitsOrRunningAsRootIsCaught() {
        Manifests.path(container, "resources").remove("limits");
        Manifests.path(deployment, "spec", "template", "spec", "securityContext")
                .put("runAsUser", 0);
        assertEquals(
                List.of(
                        "Deployment/article-service container article-service: no cpu and memory limits",
                        "Deployment/article-service container article-service: runs as user 0"),
                ManifestPolicy.containers(objects));
    }

    @Test
    void aMisspelledFieldFailsTheSchema() {
        container.put("readinessProbes", container.remove("readinessProbe"));
        List<String> violations = new ManifestSchemas(Manifests.root().resolve("k8s/schemas")).violations(objects);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("readinessProbes"), violations.get(0));
    }
}

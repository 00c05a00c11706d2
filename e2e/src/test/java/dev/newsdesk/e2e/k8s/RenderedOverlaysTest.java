package dev.newsdesk.e2e.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both overlays, rendered by kustomize as a cluster would receive them. */
class RenderedOverlaysTest {

    private static final ManifestSchemas SCHEMAS =
            new ManifestSchemas(Manifests.root().resolve("k8s/schemas"));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-restored"})
    void everyObjectMatchesItsApiSchema(String overlay) {
        List<Map<String, Object>> objects = Manifests.render(overlay);
        assertTrue(objects.size() > 20, "rendered only " + objects.size() + " objects");
        assertEquals(List.of(), SCHEMAS.violations(objects));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "prod-restored"})
    void everyObjectMeetsTheDeploymentPolicy(String overlay) {
        assertEquals(List.of(), ManifestPolicy.all(Manifests.render(overlay)));
    }

    @Test
    void prodRunsPostgresqlAsACloudNativePgClusterOfThree() {
        List<Map<String, Object>> objects = Manifests.render("prod");
        List<Map<String, Object>> clusters = Manifests.ofKind(objects, "Cluster");
        assertEquals(1, clusters.size());
        assertEquals(3, Manifests.map(clusters.get(0), "spec").get("instances"));
        assertEquals(List.of(), Manifests.ofKind(objects, "StatefulSet"));
    }

    @Test
    void devRunsPostgresqlAsOneStatefulSetPod() {
        List<Map<String, Object>> objects = Manifests.render("dev");
        List<Map<String, Object>> sets = Manifests.ofKind(objects, "StatefulSet");
        assertEquals(1, sets.size());
        assertEquals(1, Manifests.map(sets.get(0), "spec").get("replicas"));
        assertEquals(List.of(), Manifests.ofKind(objects, "Cluster"));
    }
}

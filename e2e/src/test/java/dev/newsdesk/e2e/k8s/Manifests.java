package dev.newsdesk.e2e.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Kubernetes manifests as plain maps, read from YAML: files of the repository or an overlay
 * rendered by {@code kubectl kustomize}. A fresh machine with only a JDK has no kubectl, so
 * rendering skips the test there, unless {@code -Dnewsdesk.k8s.required=true} (set by
 * {@code .ci/run}, which installs kubectl) turns its absence into a failure.
 */
final class Manifests {

    private Manifests() {}

    static Path root() {
        return Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static List<Map<String, Object>> load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return objects;
    }

    /** {@code kubectl kustomize k8s/overlays/<overlay>}, parsed. */
    static List<Map<String, Object>> render(String overlay) {
        Path dir = root().resolve("k8s/overlays").resolve(overlay);
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(kubectl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                Assertions.fail("kubectl kustomize " + dir + " failed: " + err);
            }
            return parse(out);
        } catch (IOException e) {
            String why = "kubectl is not installed (" + e.getMessage() + "): overlay '" + overlay
                    + "' not rendered; .ci/run installs it and runs these checks with -Dnewsdesk.k8s.required=true";
            if (Boolean.getBoolean("newsdesk.k8s.required")) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    static String name(Map<String, Object> object) {
        return (String) map(object, "metadata").get("name");
    }

    static String id(Map<String, Object> object) {
        return kind(object) + "/" + name(object);
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(kind(o))).toList();
    }

    /** The child map, or an empty one: manifests omit what they do not set. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof List ? (List<Map<String, Object>>) value : List.of();
    }

    /** Follows a path of map keys: {@code path(deployment, "spec", "template", "spec")}. */
    static Map<String, Object> path(Map<String, Object> object, String... keys) {
        Map<String, Object> current = object;
        for (String key : keys) {
            current = map(current, key);
        }
        return current;
    }

    /** Labels of the pods a workload (Deployment, StatefulSet) makes. */
    @SuppressWarnings("unchecked")
    static Map<String, String> podLabels(Map<String, Object> workload) {
        return (Map<String, String>) (Map<?, ?>) path(workload, "spec", "template", "metadata", "labels");
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> objects) {
        return objects.stream()
                .filter(o -> Objects.equals(kind(o), "Deployment") || Objects.equals(kind(o), "StatefulSet"))
                .toList();
    }
}

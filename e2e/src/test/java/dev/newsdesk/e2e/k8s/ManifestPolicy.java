package dev.newsdesk.e2e.k8s;

import static dev.newsdesk.e2e.k8s.Manifests.id;
import static dev.newsdesk.e2e.k8s.Manifests.list;
import static dev.newsdesk.e2e.k8s.Manifests.map;
import static dev.newsdesk.e2e.k8s.Manifests.name;
import static dev.newsdesk.e2e.k8s.Manifests.ofKind;
import static dev.newsdesk.e2e.k8s.Manifests.path;
import static dev.newsdesk.e2e.k8s.Manifests.podLabels;
import static dev.newsdesk.e2e.k8s.Manifests.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What issue 6 asks of every manifest, beyond the API schema: each check returns the
 * violations it finds, one readable line each, so a test can show all of them at once and
 * a test of a deliberately broken manifest can assert which one was caught.
 */
final class ManifestPolicy {

    private ManifestPolicy() {}

    static List<String> all(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        violations.addAll(containers(objects));
        violations.addAll(services(objects));
        violations.addAll(scaling(objects));
        violations.addAll(GatewayPolicy.check(objects));
        violations.addAll(networkPolicies(objects));
        violations.addAll(databaseLocale(objects));
        return violations;
    }

    /**
     * Every PostgreSQL the overlays create initialises its cluster with a UTF-8 ctype: with the C
     * locale (CloudNativePG's default) pg_trgm extracts no trigrams from Chinese, and search
     * would scan (issue 10). A CloudNativePG Cluster says so in its initdb bootstrap; the dev
     * overlay's postgres image in {@code POSTGRES_INITDB_ARGS}. A cluster restored from a backup
     * ({@code bootstrap.recovery}) runs no initdb: its data, locale included, is the original's.
     */
    static List<String> databaseLocale(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> cluster : ofKind(objects, "Cluster")) {
            if (!path(cluster, "spec", "bootstrap", "recovery").isEmpty()) {
                continue; // a restored cluster keeps the locale of the one it was backed up from
            }
            Map<String, Object> initdb = path(cluster, "spec", "bootstrap", "initdb");
            Object ctype = initdb.containsKey("localeCType") ? initdb.get("localeCType") : initdb.get("locale");
            if (!isUtf8(ctype)) {
                violations.add(id(cluster) + ": initdb ctype is " + ctype + ", not UTF-8");
            }
        }
        for (Map<String, Object> workload : workloads(objects)) {
            for (Map<String, Object> container : list(path(workload, "spec", "template", "spec"), "containers")) {
                if (!String.valueOf(container.get("image")).contains("postgres")) {
                    continue;
                }
                String args = list(container, "env").stream()
                        .filter(e -> "POSTGRES_INITDB_ARGS".equals(e.get("name")))
                        .map(e -> String.valueOf(e.get("value")))
                        .findFirst()
                        .orElse("");
                if (!args.contains("--locale=") || !isUtf8(args.replaceAll(".*--locale=(\\S+).*", "$1"))) {
                    violations.add(id(workload) + " container " + container.get("name")
                            + ": POSTGRES_INITDB_ARGS sets no UTF-8 --locale");
                }
            }
        }
        return violations;
    }

    private static boolean isUtf8(Object locale) {
        return locale != null
                && locale.toString().toLowerCase(Locale.ROOT).replace("-", "").endsWith("utf8");
    }

    /** Probes on a port the container listens on, limits, non-root, locked-down filesystem. */
    static List<String> containers(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> workload : workloads(objects)) {
            Map<String, Object> pod = path(workload, "spec", "template", "spec");
            Map<String, Object> podSecurity = map(pod, "securityContext");
            for (Map<String, Object> container : list(pod, "containers")) {
                String where = id(workload) + " container " + container.get("name");
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    Map<String, Object> spec = map(container, probe);
                    if (spec.isEmpty()) {
                        violations.add(where + ": no " + probe);
                        continue;
                    }
                    Object port = probePort(spec);
                    if (port != null && !listensOn(container, port)) {
                        violations.add(
                                where + ": " + probe + " on port " + port + ", which the container does not declare");
                    }
                }
                Map<String, Object> limits = path(container, "resources", "limits");
                if (!limits.containsKey("cpu") || !limits.containsKey("memory")) {
                    violations.add(where + ": no cpu and memory limits");
                }
                Map<String, Object> security = map(container, "securityContext");
                if (!Boolean.TRUE.equals(first(security, podSecurity, "runAsNonRoot"))) {
                    violations.add(where + ": runAsNonRoot is not true");
                }
                if (Objects.equals(first(security, podSecurity, "runAsUser"), 0)) {
                    violations.add(where + ": runs as user 0");
                }
                if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
                    violations.add(where + ": root filesystem is writable");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                Object drop = map(security, "capabilities").get("drop");
                if (!(drop instanceof List<?> dropped && dropped.contains("ALL"))) {
                    violations.add(where + ": capabilities are not all dropped");
                }
            }
        }
        return violations;
    }

    /** Every Service selects the pods of a workload, on a port those pods declare. */
    static List<String> services(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            Map<String, Object> selector = path(service, "spec", "selector");
            List<Map<String, Object>> selected = workloads(objects).stream()
                    .filter(w -> !selector.isEmpty() && podLabels(w).entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(
                        id(service) + ": selector " + selector + " matches no Deployment's or StatefulSet's pods");
                continue;
            }
            for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (Map<String, Object> workload : selected) {
                    boolean declared = list(path(workload, "spec", "template", "spec"), "containers").stream()
                            .anyMatch(c -> listensOn(c, target));
                    if (!declared) {
                        violations.add(id(service) + ": targetPort " + target + " is not a port of " + id(workload));
                    }
                }
            }
        }
        return violations;
    }

    /** Each Deployment: an autoscaler with at least two replicas and a disruption budget. */
    static List<String> scaling(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            boolean autoscaled = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .anyMatch(h -> name(deployment)
                                    .equals(path(h, "spec", "scaleTargetRef").get("name"))
                            && "Deployment"
                                    .equals(path(h, "spec", "scaleTargetRef").get("kind"))
                            && map(h, "spec").get("minReplicas") instanceof Integer min
                            && min >= 2);
            if (!autoscaled) {
                violations.add(id(deployment) + ": no HorizontalPodAutoscaler with minReplicas >= 2");
            }
            boolean budgeted = ofKind(objects, "PodDisruptionBudget").stream().anyMatch(p -> {
                Map<String, Object> labels = path(p, "spec", "selector", "matchLabels");
                return !labels.isEmpty() && podLabels(deployment).entrySet().containsAll(labels.entrySet());
            });
            if (!budgeted) {
                violations.add(id(deployment) + ": no PodDisruptionBudget selects its pods");
            }
        }
        return violations;
    }

    /** Default deny for the namespace, so that the other policies are the only ways in and out. */
    static List<String> networkPolicies(List<Map<String, Object>> objects) {
        boolean defaultDeny = ofKind(objects, "NetworkPolicy").stream()
                .anyMatch(p -> path(p, "spec", "podSelector").isEmpty()
                        && list(map(p, "spec"), "ingress").isEmpty()
                        && list(map(p, "spec"), "egress").isEmpty()
                        && map(p, "spec").get("policyTypes") instanceof List<?> types
                        && types.containsAll(List.of("Ingress", "Egress")));
        return defaultDeny ? List.of() : List.of("no default-deny NetworkPolicy for ingress and egress");
    }

    private static Object probePort(Map<String, Object> probe) {
        for (String action : List.of("httpGet", "tcpSocket", "grpc")) {
            if (probe.get(action) instanceof Map<?, ?> handler) {
                return handler.get("port");
            }
        }
        return null; // exec probes name no port
    }

    /** A port given by number or by name, as probes, Services and Ingresses may. */
    private static boolean listensOn(Map<String, Object> container, Object port) {
        return list(container, "ports").stream()
                .anyMatch(p -> Objects.equals(p.get("containerPort"), port) || Objects.equals(p.get("name"), port));
    }

    private static Object first(Map<String, Object> container, Map<String, Object> pod, String key) {
        return container.containsKey(key) ? container.get(key) : pod.get(key);
    }
}

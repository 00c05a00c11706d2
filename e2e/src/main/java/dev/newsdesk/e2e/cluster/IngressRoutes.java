package dev.newsdesk.e2e.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The edge as the cluster declares it: the routes of every Ingress in {@code k8s/base/ingress.yaml}
 * with the ingress-nginx annotations of their Ingress, and the controller settings of
 * {@code k8s/ingress-nginx/controller-config.yaml}. The local nginx is generated from this, so the
 * two cannot drift; an annotation the generator does not understand stops it rather than being
 * silently dropped.
 */
public record IngressRoutes(List<Route> routes, Map<String, String> controller) {

    public static final String ANNOTATION = "nginx.ingress.kubernetes.io/";

    /** The annotations {@link NginxConfig} translates; ssl-redirect has no meaning without TLS locally. */
    static final Set<String> UNDERSTOOD = Set.of(
            "ssl-redirect",
            "proxy-body-size",
            "upstream-hash-by",
            "limit-rps",
            "limit-burst-multiplier",
            "proxy-next-upstream",
            "proxy-next-upstream-tries");

    /** The controller ConfigMap keys it translates. */
    static final Set<String> UNDERSTOOD_CONTROLLER = Set.of("limit-req-status-code", "http-snippet", "server-snippet");

    public enum PathType {
        Exact,
        Prefix
    }

    /** One path of an Ingress rule: where it goes and the annotations (without prefix) of its Ingress. */
    public record Route(String ingress, String path, PathType type, String service, Map<String, String> annotations) {

        public String annotation(String name, String otherwise) {
            return annotations.getOrDefault(name, otherwise);
        }

        /** Kubernetes' matching: Exact is equality; Prefix matches whole path elements ({@code /api} not {@code /apix}). */
        public boolean matches(String requestPath) {
            if (type == PathType.Exact) {
                return requestPath.equals(path);
            }
            String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
        }
    }

    /** Reads {@code k8s/base/ingress.yaml} and {@code k8s/ingress-nginx/controller-config.yaml} under {@code root}. */
    public static IngressRoutes read(Path root) {
        return parse(
                text(root.resolve("k8s/base/ingress.yaml")),
                text(root.resolve("k8s/ingress-nginx/controller-config.yaml")));
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static IngressRoutes parse(String ingressYaml, String controllerYaml) {
        List<Route> routes = new ArrayList<>();
        for (Map<String, Object> ingress : documents(ingressYaml)) {
            if (!"Ingress".equals(ingress.get("kind"))) {
                continue;
            }
            String name = (String) map(ingress, "metadata").get("name");
            Map<String, String> annotations = new LinkedHashMap<>();
            map(map(ingress, "metadata"), "annotations").forEach((key, value) -> {
                if (!key.startsWith(ANNOTATION) || !UNDERSTOOD.contains(key.substring(ANNOTATION.length()))) {
                    throw new IllegalArgumentException("Ingress " + name + ": the local nginx does not implement " + key
                            + "; add it to IngressRoutes and NginxConfig");
                }
                annotations.put(key.substring(ANNOTATION.length()), String.valueOf(value));
            });
            for (Map<String, Object> rule : list(map(ingress, "spec"), "rules")) {
                for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                    String service =
                            (String) map(map(path, "backend"), "service").get("name");
                    routes.add(new Route(
                            name,
                            (String) path.get("path"),
                            PathType.valueOf((String) path.get("pathType")),
                            service,
                            Map.copyOf(annotations)));
                }
            }
        }
        Map<String, String> controller = new LinkedHashMap<>();
        for (Map<String, Object> document : documents(controllerYaml)) {
            map(document, "data").forEach((key, value) -> {
                if (!UNDERSTOOD_CONTROLLER.contains(key)) {
                    throw new IllegalArgumentException(
                            "controller setting " + key + " is not implemented by the local nginx");
                }
                controller.put(key, String.valueOf(value));
            });
        }
        return new IngressRoutes(List.copyOf(routes), Map.copyOf(controller));
    }

    /** The services the routes lead to, in the order the routes name them. */
    public List<String> services() {
        return routes.stream().map(Route::service).distinct().toList();
    }

    /** The route Kubernetes picks for a path: the longest path, Exact before Prefix on a tie; null for none. */
    public Route routeFor(String requestPath) {
        Route best = null;
        for (Route route : routes) {
            if (!route.matches(requestPath)) {
                continue;
            }
            if (best == null
                    || route.path().length() > best.path().length()
                    || (route.path().length() == best.path().length() && route.type() == PathType.Exact)) {
                best = route;
            }
        }
        return best;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            if (document instanceof Map<?, ?> map) {
                out.add((Map<String, Object>) map);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> child ? (List<Map<String, Object>>) child : List.of();
    }
}

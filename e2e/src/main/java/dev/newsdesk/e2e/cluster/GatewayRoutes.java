package dev.newsdesk.e2e.cluster;

import static dev.newsdesk.e2e.cluster.Yaml.list;
import static dev.newsdesk.e2e.cluster.Yaml.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edge as the cluster declares it: every match of the HTTPRoutes in {@code k8s/base/gateway.yaml}
 * with what the NGINX Gateway Fabric policies of {@code k8s/base/edge-policies.yaml} attach to it.
 * The local nginx is generated from this, so the two cannot drift; a match, filter or policy the
 * generator does not understand stops it ({@link EdgePolicies}) rather than being silently dropped.
 *
 * @param routes one entry per match of an HTTPS route, in declaration order
 * @param policies what the policies attach to routes, services and the Gateway
 * @param redirect the HTTP listener's only route: a redirect to this scheme, or null for none (a
 *     developer's cluster serves plain HTTP)
 */
public record GatewayRoutes(List<Route> routes, EdgePolicies policies, Redirect redirect) {

    public enum PathType {
        Exact,
        PathPrefix
    }

    /** The HTTP listener's answer to every request: the same URL on {@code scheme}, with this status. */
    public record Redirect(String scheme, int statusCode) {}

    /**
     * One match of an HTTPRoute rule.
     *
     * @param route the HTTPRoute's name (policies attach to it)
     * @param methods the methods the match requires; empty: any
     * @param responseHeaders what the rule's ResponseHeaderModifier sets
     */
    public record Route(
            String route,
            String path,
            PathType type,
            Set<String> methods,
            String service,
            Map<String, String> responseHeaders) {

        /** Gateway API's matching: Exact is equality; PathPrefix matches whole path elements ({@code /api} not {@code /apix}). */
        public boolean matches(String method, String requestPath) {
            if (!methods.isEmpty() && !methods.contains(method)) {
                return false;
            }
            if (type == PathType.Exact) {
                return requestPath.equals(path);
            }
            String prefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
        }
    }

    /**
     * Gateway API's precedence among matching rules (HTTPRouteRule, "matches"): an Exact path, then
     * the longest path, then a match with a method; then the route that comes first by name (the
     * oldest, in a cluster; these objects are created together), then declaration order.
     */
    private static final Comparator<Route> PRECEDENCE = Comparator.comparing((Route r) -> r.type() != PathType.Exact)
            .thenComparing(r -> -r.path().length())
            .thenComparing(r -> r.methods().isEmpty())
            .thenComparing(Route::route);

    /** Reads {@code k8s/base/gateway.yaml} and {@code k8s/base/edge-policies.yaml} under {@code root}. */
    public static GatewayRoutes read(Path root) {
        return parse(
                Yaml.text(root.resolve("k8s/base/gateway.yaml")),
                Yaml.text(root.resolve("k8s/base/edge-policies.yaml")));
    }

    public static GatewayRoutes parse(String routesYaml, String policiesYaml) {
        List<Map<String, Object>> objects = new ArrayList<>(Yaml.documents(routesYaml));
        objects.addAll(Yaml.documents(policiesYaml));
        return of(objects);
    }

    /** The HTTPRoutes and NGINX Gateway Fabric policies among {@code objects}; other kinds are ignored. */
    public static GatewayRoutes of(List<Map<String, Object>> objects) {
        List<Route> routes = new ArrayList<>();
        Redirect redirect = null;
        for (Map<String, Object> object : objects) {
            if (!"HTTPRoute".equals(object.get("kind"))) {
                continue;
            }
            String name = (String) map(object, "metadata").get("name");
            for (Map<String, Object> rule : list(map(object, "spec"), "rules")) {
                if (list(rule, "filters").stream().anyMatch(f -> "RequestRedirect".equals(f.get("type")))) {
                    redirect = redirect(name, rule);
                    continue;
                }
                Map<String, String> headers = responseHeaders(name, list(rule, "filters"));
                List<Map<String, Object>> backends = list(rule, "backendRefs");
                if (backends.size() != 1) {
                    throw new IllegalArgumentException(
                            "HTTPRoute " + name + ": the local nginx sends a rule to exactly one Service");
                }
                String service = (String) backends.get(0).get("name");
                for (Map<String, Object> match : list(rule, "matches")) {
                    routes.add(match(name, match, service, headers));
                }
            }
        }
        return new GatewayRoutes(List.copyOf(routes), EdgePolicies.of(objects), redirect);
    }

    private static Route match(String name, Map<String, Object> match, String service, Map<String, String> headers) {
        Set<String> keys = new LinkedHashSet<>(match.keySet());
        keys.removeAll(Set.of("path", "method"));
        if (!keys.isEmpty()) {
            throw new IllegalArgumentException("HTTPRoute " + name + ": the local nginx does not implement matches on "
                    + keys + "; add it to GatewayRoutes and NginxConfig");
        }
        Map<String, Object> path = map(match, "path");
        Set<String> methods = match.get("method") == null ? Set.of() : Set.of((String) match.get("method"));
        return new Route(
                name,
                (String) path.getOrDefault("value", "/"),
                PathType.valueOf((String) path.getOrDefault("type", "PathPrefix")),
                methods,
                service,
                headers);
    }

    private static Map<String, String> responseHeaders(String route, List<Map<String, Object>> filters) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map<String, Object> filter : filters) {
            Map<String, Object> modifier = map(filter, "responseHeaderModifier");
            if (!"ResponseHeaderModifier".equals(filter.get("type"))
                    || modifier.containsKey("add")
                    || modifier.containsKey("remove")) {
                throw new IllegalArgumentException("HTTPRoute " + route + ": the local nginx does not implement the"
                        + " filter " + filter + "; add it to GatewayRoutes and NginxConfig");
            }
            list(modifier, "set").forEach(h -> headers.put((String) h.get("name"), String.valueOf(h.get("value"))));
        }
        return Map.copyOf(headers);
    }

    private static Redirect redirect(String route, Map<String, Object> rule) {
        List<Map<String, Object>> filters = list(rule, "filters");
        if (!list(rule, "matches").isEmpty()
                || filters.size() != 1
                || !"RequestRedirect".equals(filters.get(0).get("type"))) {
            throw new IllegalArgumentException(
                    "HTTPRoute " + route + ": the HTTP listener's only rule must redirect every request");
        }
        Map<String, Object> redirect = map(filters.get(0), "requestRedirect");
        return new Redirect(
                (String) redirect.getOrDefault("scheme", "http"), (Integer) redirect.getOrDefault("statusCode", 302));
    }

    /** The services the routes lead to, in the order the routes name them. */
    public List<String> services() {
        return routes.stream().map(Route::service).distinct().toList();
    }

    /** The match Gateway API picks for a request; null for none (a 404 from the Gateway). */
    public Route routeFor(String method, String requestPath) {
        return routes.stream()
                .filter(r -> r.matches(method, requestPath))
                .min(PRECEDENCE)
                .orElse(null);
    }
}

package dev.newsdesk.e2e.k8s;

import static dev.newsdesk.e2e.k8s.Manifests.id;
import static dev.newsdesk.e2e.k8s.Manifests.list;
import static dev.newsdesk.e2e.k8s.Manifests.map;
import static dev.newsdesk.e2e.k8s.Manifests.name;
import static dev.newsdesk.e2e.k8s.Manifests.ofKind;
import static dev.newsdesk.e2e.k8s.Manifests.path;

import dev.newsdesk.e2e.cluster.EdgePolicies;
import dev.newsdesk.e2e.cluster.GatewayRoutes;
import dev.newsdesk.e2e.cluster.GatewayRoutes.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The edge as Gateway API objects and NGINX Gateway Fabric policies: the contract's paths with
 * Gateway API's precedence (read by the same {@link GatewayRoutes} the local nginx is generated
 * from), TLS or a redirect on every public listener, HSTS on every route, hashing for images,
 * limits on the search and the writes only, the body limit on writes, and nothing of ingress-nginx.
 */
final class GatewayPolicy {

    /** The contract's routing table (CONTRACT.md, "Topology"): path, match type, service, methods. */
    static final Set<String> CONTRACT_ROUTES = Set.of(
            "/api PathPrefix article-service []",
            "/api PathPrefix article-service [POST]",
            "/api PathPrefix article-service [PUT]",
            "/api PathPrefix article-service [PATCH]",
            "/api PathPrefix article-service [DELETE]",
            "/articles PathPrefix article-service []",
            "/categories PathPrefix article-service []",
            "/tags PathPrefix article-service []",
            "/search Exact article-service []",
            "/sitemap.xml Exact article-service []",
            "/sitemap-news.xml Exact article-service []",
            "/robots.txt Exact article-service []",
            "/favicon.ico Exact article-service []",
            "/static PathPrefix article-service []",
            "/ Exact article-service []",
            "/img PathPrefix image-service []",
            "/feeds PathPrefix feed-service []");

    /** Requests the edge limits per client address, and reads it must never limit. */
    static final List<String> LIMITED = List.of(
            "GET /search", "POST /api/articles", "PUT /api/articles/1", "DELETE /api/articles/1", "POST /api/import");

    static final List<String> NEVER_LIMITED = List.of(
            "GET /api/articles",
            "GET /api/articles/1",
            "GET /articles/a",
            "GET /",
            "GET /feeds/rss.xml",
            "GET /img/s/w:360/abc",
            "GET /tags/x",
            "HEAD /api/articles");

    static final String HSTS = "Strict-Transport-Security";

    private GatewayPolicy() {}

    static List<String> check(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>(noIngressNginx(objects));
        List<Map<String, Object>> gateways = ofKind(objects, "Gateway");
        if (gateways.size() != 1) {
            return List.of("expected one Gateway, found " + gateways.size());
        }
        violations.addAll(listeners(gateways.get(0), objects));
        GatewayRoutes edge = GatewayRoutes.of(objects);
        Set<String> routes = new TreeSet<>();
        for (Route route : edge.routes()) {
            routes.add(route.path() + " " + route.type() + " " + route.service() + " " + route.methods());
            if (!route.responseHeaders().containsKey(HSTS)) {
                violations.add("HTTPRoute/" + route.route() + ": " + route.path() + " does not add " + HSTS);
            }
        }
        if (!routes.equals(new TreeSet<>(CONTRACT_ROUTES))) {
            violations.add(
                    "HTTPRoute matches " + routes + " differ from the contract's " + new TreeSet<>(CONTRACT_ROUTES));
        }
        for (String hidden : List.of("/q/metrics", "/q/health/ready", "/apix", "/search/x")) {
            if (edge.routeFor("GET", hidden) != null || edge.routeFor("POST", hidden) != null) {
                violations.add(hidden + " is routed, but must not be published");
            }
        }
        violations.addAll(policies(edge));
        violations.addAll(backends(objects));
        return violations;
    }

    private static List<String> policies(GatewayRoutes edge) {
        List<String> violations = new ArrayList<>();
        EdgePolicies policies = edge.policies();
        for (String request : LIMITED) {
            Route route = route(edge, request);
            if (route == null || !policies.rateLimits().containsKey(route.route())) {
                violations.add(request + " is not rate-limited");
            } else if (policies.rateLimits().get(route.route()).rejectCode() != 429) {
                violations.add(request + ": over the limit is not 429");
            }
        }
        for (String request : NEVER_LIMITED) {
            Route route = route(edge, request);
            if (route != null && policies.rateLimits().containsKey(route.route())) {
                violations.add(request + " is rate-limited, but reads must not be");
            }
        }
        Route imports = route(edge, "POST /api/import");
        if (imports == null || !"20m".equals(policies.bodySizes().get(imports.route()))) {
            violations.add("POST /api/import may not carry a 20 MB body");
        }
        if (!"hash $request_uri consistent".equals(policies.loadBalancing().get("image-service"))) {
            violations.add("image-service is not hashed by $request_uri (one resize per rendition)");
        }
        return violations;
    }

    /** Public listeners: HTTPS with a certificate, or HTTP whose routes only redirect (localhost may be plain). */
    private static List<String> listeners(Map<String, Object> gateway, List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> listener : list(map(gateway, "spec"), "listeners")) {
            String where = id(gateway) + " listener " + listener.get("name");
            if ("HTTPS".equals(listener.get("protocol"))) {
                if (list(path(listener, "tls"), "certificateRefs").isEmpty()) {
                    violations.add(where + ": HTTPS without certificateRefs");
                }
            } else if (!"localhost".equals(listener.get("hostname"))) {
                for (Map<String, Object> route : ofKind(objects, "HTTPRoute")) {
                    boolean attached = list(map(route, "spec"), "parentRefs").stream()
                            .anyMatch(p -> Objects.equals(p.get("sectionName"), listener.get("name")));
                    boolean redirects = list(map(route, "spec"), "rules").stream()
                            .allMatch(r -> list(r, "filters").stream()
                                    .anyMatch(f -> "https"
                                            .equals(path(f, "requestRedirect").get("scheme"))));
                    if (attached && !redirects) {
                        violations.add(where + ": plain HTTP serves " + id(route) + " instead of redirecting");
                    }
                }
            }
        }
        return violations;
    }

    /** Every backendRef names a Service and one of its ports. */
    private static List<String> backends(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> route : ofKind(objects, "HTTPRoute")) {
            for (Map<String, Object> rule : list(map(route, "spec"), "rules")) {
                for (Map<String, Object> backend : list(rule, "backendRefs")) {
                    boolean exists = ofKind(objects, "Service").stream()
                            .filter(s -> name(s).equals(backend.get("name")))
                            .flatMap(s -> list(map(s, "spec"), "ports").stream())
                            .anyMatch(p -> Objects.equals(p.get("port"), backend.get("port")));
                    if (!exists) {
                        violations.add(id(route) + ": backend " + backend.get("name") + " port " + backend.get("port")
                                + ", which no Service has");
                    }
                }
            }
        }
        return violations;
    }

    /** No Ingress, no ingress-nginx annotation, no controller ConfigMap: the retired controller is gone. */
    static List<String> noIngressNginx(List<Map<String, Object>> objects) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> object : objects) {
            if ("Ingress".equals(Manifests.kind(object)) || name(object).startsWith("ingress-nginx")) {
                violations.add(id(object) + ": ingress-nginx is retired; the Gateway is the edge");
            }
            if (path(object, "metadata", "annotations").keySet().stream()
                    .anyMatch(k -> k.startsWith("nginx.ingress.kubernetes.io/"))) {
                violations.add(id(object) + ": an ingress-nginx annotation");
            }
        }
        return violations;
    }

    private static Route route(GatewayRoutes edge, String request) {
        return edge.routeFor(request.substring(0, request.indexOf(' ')), request.substring(request.indexOf(' ') + 1));
    }
}

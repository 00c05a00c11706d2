package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.e2e.cluster.GatewayRoutes.Route;
import dev.newsdesk.e2e.cluster.NginxConfig.Upstream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The local nginx is generated from {@code k8s/base/gateway.yaml} and {@code edge-policies.yaml}:
 * its locations must route every request to the service Gateway API would pick (Exact before
 * PathPrefix, the longest prefix, a method match before none), limit exactly the requests of the
 * rate-limited routes, and carry the policies' hashing, body size and headers. Reads the generated
 * text as nginx would; the cluster tests check the same through a running nginx.
 */
class LocalGatewayMatchesTheClusterTest {

    private static final Pattern LOCATION =
            Pattern.compile("^    location (= )?(\\S+) \\{\\n((?:      .*\\n)*?)    }$", Pattern.MULTILINE);
    private static final Pattern PROXY = Pattern.compile("proxy_pass http://([a-z-]+);");
    private static final Pattern LIMIT = Pattern.compile("limit_req zone=(\\w+)");

    private final GatewayRoutes edge = GatewayRoutes.read(
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize());
    private final NginxConfig config = new NginxConfig(edge, 8080, 8079, Map.of("article-service", 8180));
    private final String conf = config.render(
            Map.of(
                    "article-service", List.of(new Upstream(9001, false), new Upstream(9002, true)),
                    "image-service", List.of(new Upstream(9003, false), new Upstream(9004, false)),
                    "feed-service", List.of(new Upstream(9005, false))),
            true);

    @Test
    void everyMatchBecomesTheLocationsOfItsPath() {
        TreeSet<String> expected = new TreeSet<>();
        for (Route route : edge.routes()) {
            NginxConfig.locations(route).forEach(l -> expected.add(l + " -> " + route.service()));
        }
        TreeSet<String> generated = new TreeSet<>();
        locations().forEach((location, body) -> {
            Matcher proxy = PROXY.matcher(body);
            if (proxy.find()) {
                generated.add(location + " -> " + proxy.group(1));
            }
        });
        assertEquals(expected, generated);
        // The contract's 13 paths, and the four write methods of /api.
        assertEquals(17, edge.routes().size(), "matches: " + edge.routes());
    }

    @Test
    void nginxPicksTheRouteGatewayApiWouldForEveryRequest() {
        List<String> requests = new ArrayList<>();
        for (String path : List.of(
                "/",
                "/x",
                "/api",
                "/api/",
                "/api/articles/1",
                "/apix",
                "/articles",
                "/articles/a-slug",
                "/articlesx",
                "/categories/caijing",
                "/tags/金融",
                "/search",
                "/search/x",
                "/sitemap.xml",
                "/sitemap.xml/x",
                "/sitemap-news.xml",
                "/robots.txt",
                "/favicon.ico",
                "/static/site.css",
                "/staticx",
                "/img",
                "/img/sig/w:360/f:jpeg/abc",
                "/imgx",
                "/feeds/rss.xml",
                "/feeds",
                "/feedsx",
                "/q/metrics",
                "/q/health/ready")) {
            requests.add("GET " + path);
        }
        requests.addAll(List.of(
                "POST /api/articles",
                "PUT /api/articles/1",
                "DELETE /api/articles/1",
                "PATCH /api/x",
                "POST /api/import",
                "HEAD /api/articles",
                "POST /search",
                "POST /q/metrics",
                "POST /apix"));
        List<String> differ = new ArrayList<>();
        for (String request : requests) {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            Route route = edge.routeFor(method, path);
            String gateway = route == null ? "404" : route.service() + " " + limitOf(route.route());
            String nginx = nginxAnswerFor(method, path);
            if (!gateway.equals(nginx)) {
                differ.add(request + ": Gateway API " + gateway + ", nginx " + nginx);
            }
        }
        assertEquals(List.of(), differ);
        assertEquals("404", nginxAnswerFor("GET", "/q/metrics"), "the management paths stay private");
        assertEquals("404", nginxAnswerFor("GET", "/apix"));
        assertEquals("article-service writes_per_client", nginxAnswerFor("POST", "/api/articles"));
        assertEquals("article-service -", nginxAnswerFor("GET", "/api/articles"));
    }

    @Test
    void precedenceIsExactThenLongestPrefixThenMethod() {
        GatewayRoutes routes = GatewayRoutes.parse("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: b}
                spec:
                  parentRefs: [{name: g, sectionName: https}]
                  rules:
                    - matches: [{path: {type: PathPrefix, value: /a}}]
                      backendRefs: [{name: prefix-a, port: 80}]
                    - matches: [{path: {type: PathPrefix, value: /a/b}}]
                      backendRefs: [{name: prefix-ab, port: 80}]
                    - matches: [{path: {type: PathPrefix, value: /a/b/c}, method: POST}]
                      backendRefs: [{name: post-abc, port: 80}]
                ---
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: a}
                spec:
                  parentRefs: [{name: g, sectionName: https}]
                  rules:
                    - matches: [{path: {type: Exact, value: /a/b}}]
                      backendRefs: [{name: exact-ab, port: 80}]
                """, "");
        assertEquals("exact-ab", routes.routeFor("GET", "/a/b").service());
        assertEquals("prefix-ab", routes.routeFor("GET", "/a/b/x").service());
        assertEquals("prefix-a", routes.routeFor("GET", "/a/bx").service());
        assertEquals("post-abc", routes.routeFor("POST", "/a/b/c/d").service());
        assertEquals("prefix-ab", routes.routeFor("GET", "/a/b/c/d").service());
        assertNull(routes.routeFor("GET", "/ax"));
    }

    @Test
    void imagesAreHashedByUriAndTheOtherUpstreamsKeepTheControllersDefault() {
        assertTrue(upstream("image-service").contains("hash $request_uri consistent;"), upstream("image-service"));
        assertTrue(upstream("article-service").contains(NginxConfig.DEFAULT_BALANCING + ";"));
        assertTrue(upstream("article-service").contains("server 127.0.0.1:9002 down;"), "readiness out = down");
        String roundRobin = new NginxConfig(edge, 8080, 0, Map.of())
                .render(Map.of("image-service", List.of(new Upstream(9003, false))), false);
        assertFalse(roundRobin.contains("hash "), roundRobin);
    }

    @Test
    void writesMayCarry20MbAndEveryRouteAddsHsts() {
        Map<String, String> locations = locations();
        assertTrue(locations.get("/api/").contains("client_max_body_size 20m;"), locations.get("/api/"));
        assertTrue(locations.get("/img/").contains("client_max_body_size 1m;"), locations.get("/img/"));
        locations.forEach((location, body) -> assertTrue(
                !body.contains("proxy_pass")
                        || body.contains(
                                "add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;"),
                location));
        // Over a limit: 429, and the Gateway's snippet answers it with a problem document and Retry-After.
        assertTrue(locations.get("= /search").contains("limit_req_status 429;"));
        assertTrue(conf.contains("error_page 429 @newsdesk_too_many_requests;"), conf);
        assertTrue(conf.contains("add_header Retry-After 1 always;"), conf);
    }

    @Test
    void theHttpListenerOnlyRedirectsToHttps() {
        String http = conf.substring(conf.indexOf("listen 127.0.0.1:8079;"));
        http = http.substring(0, http.indexOf("\n  }\n"));
        assertTrue(http.contains("return 301 https://$host$request_uri;"), http);
        assertFalse(http.contains("proxy_pass"), http);
    }

    @Test
    void whatTheLocalNginxDoesNotImplementStopsTheGenerator() {
        String headerMatch = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: x}
                spec:
                  parentRefs: [{name: g, sectionName: https}]
                  rules:
                    - matches: [{path: {type: PathPrefix, value: /x}, headers: [{name: a, value: b}]}]
                      backendRefs: [{name: s, port: 80}]
                """;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> GatewayRoutes.parse(headerMatch, ""));
        assertTrue(e.getMessage().contains("headers"), e.getMessage());
        String keepAlive = """
                apiVersion: gateway.nginx.org/v1alpha1
                kind: UpstreamSettingsPolicy
                metadata: {name: x}
                spec:
                  targetRefs: [{group: "", kind: Service, name: s}]
                  keepAlive: {connections: 4}
                """;
        e = assertThrows(IllegalArgumentException.class, () -> EdgePolicies.parse(keepAlive));
        assertTrue(e.getMessage().contains("keepAlive"), e.getMessage());
    }

    /** The limit zone of a route, or "-". */
    private String limitOf(String route) {
        var limit = edge.policies().rateLimits().get(route);
        return limit == null ? "-" : limit.zone();
    }

    /**
     * What nginx does with a request, read from the config: the location (an exact one wins, else the
     * longest prefix), its upstream, and the zone that counts this method ("-": none); "404" for the
     * catch-all location.
     */
    private String nginxAnswerFor(String method, String path) {
        Map<String, String> locations = locations();
        String chosen = locations.containsKey("= " + path) ? "= " + path : null;
        if (chosen == null) {
            for (String location : locations.keySet()) {
                if (!location.startsWith("= ")
                        && path.startsWith(location)
                        && (chosen == null || location.length() > chosen.length())) {
                    chosen = location;
                }
            }
        }
        String body = chosen == null ? "" : locations.get(chosen);
        Matcher proxy = PROXY.matcher(body);
        if (!proxy.find()) {
            return "404";
        }
        String zone = "-";
        Matcher limit = LIMIT.matcher(body);
        while (limit.find()) {
            if (counts(limit.group(1), method)) {
                zone = limit.group(1);
            }
        }
        return proxy.group(1) + " " + zone;
    }

    /** Whether the zone's key is non-empty for the method: a zone keyed by a method map counts only its methods. */
    private boolean counts(String zone, String method) {
        Matcher map = Pattern.compile("map \\$request_method \\$" + zone + "_key \\{\\n((?:    .*\\n)*?)  }")
                .matcher(conf);
        if (!map.find()) {
            return true;
        }
        return map.group(1).lines().anyMatch(l -> l.trim().startsWith(method + " "));
    }

    /** The HTTPS listener's locations (not the HTTP listener's nor the Service stand-ins) with their bodies. */
    private Map<String, String> locations() {
        String server = conf.substring(conf.indexOf("listen 127.0.0.1:8080;"));
        server = server.substring(0, server.indexOf("\n  }\n"));
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher location = LOCATION.matcher(server);
        while (location.find()) {
            bodies.put((location.group(1) == null ? "" : "= ") + location.group(2), location.group(3));
        }
        return bodies;
    }

    private String upstream(String service) {
        String from = conf.substring(conf.indexOf("upstream " + service + " {"));
        return from.substring(0, from.indexOf("  }"));
    }
}

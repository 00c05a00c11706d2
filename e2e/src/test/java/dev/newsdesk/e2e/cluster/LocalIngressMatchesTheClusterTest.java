package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.e2e.cluster.IngressRoutes.Route;
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
 * The local nginx is generated from {@code k8s/base/ingress.yaml}: its locations must route every
 * path to the service the Ingress objects would (Kubernetes' Exact and Prefix, longest match), and
 * carry the annotations' hashing and limits. Reads the generated text as nginx would; the cluster
 * tests check the same through a running nginx.
 */
class LocalIngressMatchesTheClusterTest {

    private static final Pattern LOCATION =
            Pattern.compile("^    location (= )?(\\S+) \\{\\n((?:      .*\\n)*?)    }$", Pattern.MULTILINE);
    private static final Pattern PROXY = Pattern.compile("proxy_pass http://([a-z-]+);");

    private final IngressRoutes edge = IngressRoutes.read(
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize());
    private final String conf = new NginxConfig(edge, 8080, Map.of("article-service", 8180))
            .render(
                    Map.of(
                            "article-service", List.of(new Upstream(9001, false), new Upstream(9002, true)),
                            "image-service", List.of(new Upstream(9003, false), new Upstream(9004, false)),
                            "feed-service", List.of(new Upstream(9005, false))),
                    true);

    @Test
    void everyIngressPathBecomesTheLocationsIngressNginxMakes() {
        TreeSet<String> expected = new TreeSet<>();
        for (Route route : edge.routes()) {
            if (route.type() == IngressRoutes.PathType.Exact) {
                expected.add("= " + route.path() + " -> " + route.service());
            } else {
                expected.add("= " + route.path() + " -> " + route.service());
                expected.add(route.path() + "/ -> " + route.service());
            }
        }
        TreeSet<String> generated = new TreeSet<>();
        locations().forEach((location, service) -> {
            if (service != null) {
                generated.add(location + " -> " + service);
            }
        });
        assertEquals(expected, generated);
        assertEquals(13, edge.routes().size(), "the contract's 13 paths: " + edge.routes());
    }

    @Test
    void nginxPicksTheServiceKubernetesWouldForEveryPath() {
        List<String> paths = List.of(
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
                "/q/health/ready");
        List<String> differ = new ArrayList<>();
        for (String path : paths) {
            Route route = edge.routeFor(path);
            String kubernetes = route == null ? null : route.service();
            String nginx = nginxServiceFor(path);
            if (!String.valueOf(kubernetes).equals(String.valueOf(nginx))) {
                differ.add(path + ": Ingress " + kubernetes + ", nginx " + nginx);
            }
        }
        assertEquals(List.of(), differ);
        assertEquals(null, nginxServiceFor("/q/metrics"), "the management paths stay private");
    }

    @Test
    void imagesAreHashedByUriAndOnlySearchCarriesAPerRouteLimit() {
        assertTrue(upstream("image-service").contains("hash $request_uri consistent;"), upstream("image-service"));
        assertTrue(!upstream("article-service").contains("hash "), upstream("article-service"));
        assertTrue(upstream("article-service").contains("server 127.0.0.1:9002 down;"), "readiness out = down");
        Map<String, String> locations = locationBodies();
        assertTrue(locations.get("= /search").contains("limit_req zone=newsdesk_search_rps burst=20 nodelay;"));
        locations.forEach((location, body) -> {
            if (!location.equals("= /search")) {
                assertTrue(!body.contains("limit_req"), location + " is not limited per route: " + body);
            }
        });
        // Writes: one server-wide limit keyed by method (the controller's snippets), 429 not 503.
        assertTrue(conf.contains("limit_req_status 429;"), conf);
        assertTrue(conf.contains("limit_req zone=newsdesk_writes burst=10 nodelay;"), conf);
        assertTrue(conf.contains("GET \"\";"), "reads have no key, so are never counted");
    }

    @Test
    void roundRobinDropsTheHashOnlyWhenAsked() {
        String roundRobin = new NginxConfig(edge, 8080, Map.of())
                .render(Map.of("image-service", List.of(new Upstream(9003, false))), false);
        assertTrue(!roundRobin.contains("hash "), roundRobin);
    }

    @Test
    void anAnnotationTheLocalNginxDoesNotImplementStopsTheGenerator() {
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: x
                  annotations:
                    nginx.ingress.kubernetes.io/rewrite-target: /
                spec:
                  rules: []
                """;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IngressRoutes.parse(ingress, ""));
        assertTrue(e.getMessage().contains("rewrite-target"), e.getMessage());
    }

    /** nginx's rule for prefix locations without regexes: an exact match wins, else the longest prefix. */
    private String nginxServiceFor(String path) {
        Map<String, String> locations = locations();
        if (locations.containsKey("= " + path)) {
            return locations.get("= " + path);
        }
        String best = null;
        for (String location : locations.keySet()) {
            if (!location.startsWith("= ")
                    && path.startsWith(location)
                    && (best == null || location.length() > best.length())) {
                best = location;
            }
        }
        return best == null ? null : locations.get(best);
    }

    /** The ingress server's locations (not the internal Service listeners) to the upstream they proxy to. */
    private Map<String, String> locations() {
        Map<String, String> services = new LinkedHashMap<>();
        locationBodies().forEach((location, body) -> {
            Matcher proxy = PROXY.matcher(body);
            services.put(location, proxy.find() ? proxy.group(1) : null);
        });
        return services;
    }

    private Map<String, String> locationBodies() {
        String ingressServer = conf.substring(conf.indexOf("listen 127.0.0.1:8080;"));
        ingressServer = ingressServer.substring(0, ingressServer.indexOf("\n  }\n"));
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher location = LOCATION.matcher(ingressServer);
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

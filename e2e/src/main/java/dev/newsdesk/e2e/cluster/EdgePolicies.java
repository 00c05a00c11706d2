package dev.newsdesk.e2e.cluster;

import static dev.newsdesk.e2e.cluster.Yaml.list;
import static dev.newsdesk.e2e.cluster.Yaml.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NGINX Gateway Fabric policies of {@code k8s/base/edge-policies.yaml}, by what they attach to.
 * Only the fields the local nginx implements are accepted: any other field, kind or snippet context
 * stops the generator, so a policy added to the cluster cannot be missing locally unnoticed.
 *
 * @param loadBalancing per Service, the nginx balancing directive (UpstreamSettingsPolicy), e.g.
 *     {@code hash $request_uri consistent}
 * @param rateLimits per HTTPRoute, its limit (RateLimitPolicy)
 * @param bodySizes per HTTPRoute, the largest request body (ClientSettingsPolicy)
 * @param serverSnippet the Gateway's {@code http.server} snippet (SnippetsPolicy), or empty
 */
public record EdgePolicies(
        Map<String, String> loadBalancing,
        Map<String, RateLimit> rateLimits,
        Map<String, String> bodySizes,
        String serverSnippet) {

    public static final String GROUP = "gateway.nginx.org/";

    /** One local rate limit rule, as nginx's limit_req_zone and limit_req take it. */
    public record RateLimit(String zone, String key, String rate, int burst, boolean noDelay, int rejectCode) {}

    private static final Map<String, Set<String>> UNDERSTOOD = Map.of(
            "UpstreamSettingsPolicy", Set.of("targetRefs", "loadBalancingMethod", "hashMethodKey"),
            "RateLimitPolicy", Set.of("targetRefs", "rateLimit"),
            "ClientSettingsPolicy", Set.of("targetRef", "body"),
            "SnippetsPolicy", Set.of("targetRefs", "snippets"));

    /** The kind of object each policy attaches to here (a RateLimitPolicy on the Gateway is not implemented locally). */
    private static final Map<String, String> TARGET_KIND = Map.of(
            "UpstreamSettingsPolicy", "Service",
            "RateLimitPolicy", "HTTPRoute",
            "ClientSettingsPolicy", "HTTPRoute",
            "SnippetsPolicy", "Gateway");

    public static EdgePolicies parse(String yaml) {
        return of(Yaml.documents(yaml));
    }

    /** The policies among {@code objects} (API group gateway.nginx.org); other objects are ignored. */
    public static EdgePolicies of(List<Map<String, Object>> objects) {
        Map<String, String> loadBalancing = new LinkedHashMap<>();
        Map<String, RateLimit> rateLimits = new LinkedHashMap<>();
        Map<String, String> bodySizes = new LinkedHashMap<>();
        StringBuilder snippet = new StringBuilder();
        for (Map<String, Object> policy : objects) {
            if (!String.valueOf(policy.get("apiVersion")).startsWith(GROUP)) {
                continue;
            }
            String kind = (String) policy.get("kind");
            String name = (String) map(policy, "metadata").get("name");
            Map<String, Object> spec = map(policy, "spec");
            if (!UNDERSTOOD.containsKey(kind) || !UNDERSTOOD.get(kind).containsAll(spec.keySet())) {
                throw unknown(kind + " " + name + " " + spec.keySet());
            }
            List<String> targets = targets(kind + " " + name, spec, TARGET_KIND.get(kind));
            switch (kind) {
                case "UpstreamSettingsPolicy" -> {
                    String method = (String) spec.get("loadBalancingMethod");
                    String directive = method.startsWith("hash")
                            ? method.replace("hash", "hash " + spec.get("hashMethodKey"))
                            : method;
                    targets.forEach(t -> loadBalancing.put(t, directive));
                }
                case "RateLimitPolicy" -> targets.forEach(t -> rateLimits.put(t, rateLimit(name, spec)));
                case "ClientSettingsPolicy" -> {
                    Map<String, Object> body = map(spec, "body");
                    if (!Set.of("maxSize").containsAll(body.keySet())) {
                        throw unknown(kind + " " + name + " body " + body.keySet());
                    }
                    targets.forEach(t -> bodySizes.put(t, String.valueOf(body.get("maxSize"))));
                }
                default -> {
                    for (Map<String, Object> each : list(spec, "snippets")) {
                        if (!"http.server".equals(each.get("context"))) {
                            throw unknown(kind + " " + name + " context " + each.get("context"));
                        }
                        snippet.append(each.get("value"));
                    }
                }
            }
        }
        return new EdgePolicies(
                Map.copyOf(loadBalancing), Map.copyOf(rateLimits), Map.copyOf(bodySizes), snippet.toString());
    }

    private static RateLimit rateLimit(String name, Map<String, Object> spec) {
        Map<String, Object> limit = map(spec, "rateLimit");
        List<Map<String, Object>> rules = list(map(limit, "local"), "rules");
        if (rules.size() != 1 || !Set.of("local", "rejectCode").containsAll(limit.keySet())) {
            throw unknown("RateLimitPolicy " + name + ": only one local rule and rejectCode");
        }
        Map<String, Object> rule = rules.get(0);
        if (!Set.of("key", "rate", "burst", "noDelay", "zoneSize").containsAll(rule.keySet())) {
            throw unknown("RateLimitPolicy " + name + " rule " + rule.keySet());
        }
        return new RateLimit(
                name.replace('-', '_'),
                (String) rule.get("key"),
                (String) rule.get("rate"),
                (Integer) rule.getOrDefault("burst", 0),
                Boolean.TRUE.equals(rule.get("noDelay")),
                // nginx's own default for limit_req_status, which the controller keeps without rejectCode.
                (Integer) limit.getOrDefault("rejectCode", 503));
    }

    private static List<String> targets(String policy, Map<String, Object> spec, String kind) {
        List<Map<String, Object>> refs =
                spec.containsKey("targetRef") ? List.of(map(spec, "targetRef")) : list(spec, "targetRefs");
        if (refs.stream().anyMatch(r -> !kind.equals(r.get("kind")))) {
            throw unknown(policy + " attached to anything but a " + kind);
        }
        return refs.stream().map(r -> (String) r.get("name")).toList();
    }

    private static IllegalArgumentException unknown(String what) {
        return new IllegalArgumentException(
                "the local nginx does not implement " + what + "; add it to EdgePolicies and NginxConfig");
    }
}

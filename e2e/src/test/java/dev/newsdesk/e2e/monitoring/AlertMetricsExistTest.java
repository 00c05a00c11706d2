package dev.newsdesk.e2e.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import dev.newsdesk.e2e.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every metric an alert, a recording rule or the dashboard reads exists in what the services
 * really export: after real traffic through all three (reads, a write, a page, a feed, an image
 * and an image whose origin answers 404), their {@code /q/metrics} are scraped and each name the
 * queries select must be there. Series that other exporters provide in the cluster are listed
 * by prefix, with their source.
 */
@ExtendWith(RunningSystem.class)
class AlertMetricsExistTest {

    /** Metrics not exported by newsdesk: Prometheus itself, kube-state-metrics, CloudNativePG and its Barman Cloud plugin. */
    static final Map<String, String> OTHER_EXPORTERS = Map.of(
            "up", "Prometheus (per scrape target)",
            "kube_", "kube-state-metrics",
            "cnpg_", "CloudNativePG instance manager",
            "barman_cloud_", "CloudNativePG Barman Cloud plugin");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The route groups of the SLI recording rules, as their label_replace regexes write them. */
    static final Map<String, String> ROUTE_GROUPS = Map.of(
            "api", "/api/.*",
            "pages", "root|/|/articles/.*|/categories/.*|/tags/.*|/search|/sitemap.*",
            "feeds", "/feeds/.*",
            "images", "/img/.*");

    private static final Pattern URI_LABEL =
            Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    @Test
    void everyQueriedMetricIsExported() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        traffic(system);

        Set<String> exported = new TreeSet<>();
        Set<String> uris = new TreeSet<>();
        for (ServiceProcess service : system.services()) {
            String scrape = get(service.url("/q/metrics")).body();
            Matcher m = SAMPLE.matcher(scrape);
            while (m.find()) {
                exported.add(m.group(1));
            }
            Matcher u = URI_LABEL.matcher(scrape);
            while (u.find()) {
                uris.add(u.group(1));
            }
        }
        // The recording rules group requests by these uri patterns: each must match real traffic.
        for (Map.Entry<String, String> group : ROUTE_GROUPS.entrySet()) {
            assertTrue(
                    uris.stream().anyMatch(uri -> uri.matches(group.getValue())),
                    "no request counted for route group " + group.getKey() + " among " + uris);
            assertTrue(
                    MonitoringManifests.rules().stream()
                            .anyMatch(r -> ((String) r.get("expr")).contains("\"" + group.getValue() + "\"")),
                    "the rules group " + group.getKey() + " by " + group.getValue());
        }
        Set<String> recorded = new TreeSet<>();
        Set<String> queried = new TreeSet<>();
        for (Map<String, Object> rule : MonitoringManifests.rules()) {
            if (rule.containsKey("record")) {
                recorded.add((String) rule.get("record"));
            }
            queried.addAll(PromQl.metricNames((String) rule.get("expr")));
        }
        List<String> dashboard = MonitoringManifests.dashboardQueries();
        assertTrue(dashboard.size() > 10, "dashboard queries found: " + dashboard);
        dashboard.forEach(q -> queried.addAll(PromQl.metricNames(q)));

        Set<String> missing = new TreeSet<>();
        for (String name : queried) {
            boolean elsewhere = OTHER_EXPORTERS.keySet().stream()
                    .anyMatch(p -> p.endsWith("_") ? name.startsWith(p) : name.equals(p));
            if (!recorded.contains(name) && !elsewhere && !exported.contains(name)) {
                missing.add(name);
            }
        }
        System.out.println("metrics the rules and dashboard query: " + queried);
        assertEquals(Set.of(), missing, "queried but not exported by any service after traffic");
    }

    /** Real requests of every route group, including failures the alerts watch for. */
    private static void traffic(NewsdeskSystem system) throws Exception {
        ServiceProcess article = system.article();
        String json = "{\"title\":\"Metrics check\",\"bodyHtml\":\"<p>Counted by Prometheus.</p>\","
                + "\"publishedAt\":\"2025-04-01T09:00:00+08:00\",\"categories\":[\"metrics\"],\"tags\":[],"
                + "\"source\":{\"name\":\"Monitoring\",\"url\":null}}";
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(article.url("/api/articles"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        get(URI.create(article.baseUrl() + URI.create(location).getPath()));
        get(article.url("/api/articles?limit=5"));
        get(article.url("/"));
        get(system.feed().url("/feeds/rss.xml"));
        String origin = RunningSystem.galleryOrigin().base();
        assertEquals(
                200, get(image(system, origin + "download/metrics_w64h48.jpg")).statusCode());
        int missing = get(image(system, origin + "download/not-there.jpg")).statusCode();
        assertTrue(missing >= 400, "an origin 404 is an error, got " + missing);
    }

    private static URI image(NewsdeskSystem system, String source) throws Exception {
        String tail = "/w:32/f:jpeg/"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(source.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(system.signingKey()), "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(tail.getBytes(StandardCharsets.UTF_8)));
        return system.image().url("/img/" + signature + tail);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

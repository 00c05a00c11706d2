package dev.newsdesk.e2e.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The monitoring manifests of the prod overlay, the one source of truth: the PrometheusRule's
 * groups (written out as a plain rules file for promtool and the test Prometheus) and the
 * Grafana dashboard's queries.
 */
final class MonitoringManifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringManifests() {}

    static Path root() {
        return Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
    }

    static Path prod() {
        return root().resolve("k8s/overlays/prod");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> load(Path file) {
        try {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Load(LoadSettings.builder().build())
                    .loadAllFromString(Files.readString(file, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    objects.add((Map<String, Object>) doc);
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PrometheusRule's {@code spec.groups}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> groups() {
        Map<String, Object> rule = load(prod().resolve("monitoring.yaml")).stream()
                .filter(o -> "PrometheusRule".equals(o.get("kind")))
                .findFirst()
                .orElseThrow();
        return (List<Map<String, Object>>) ((Map<String, Object>) rule.get("spec")).get("groups");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> group : groups()) {
            all.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return all;
    }

    static List<Map<String, Object>> alerts() {
        return rules().stream().filter(r -> r.containsKey("alert")).toList();
    }

    /**
     * Writes the groups as a Prometheus rules file; {@code forOverride} non-null replaces every
     * alert's {@code for:} (the firing test cannot wait production's minutes).
     */
    @SuppressWarnings("unchecked")
    static Path writeRulesFile(Path file, String forOverride) throws IOException {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Map<String, Object> group : groups()) {
            Map<String, Object> copy = new LinkedHashMap<>(group);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Map<String, Object> r = new LinkedHashMap<>(rule);
                if (forOverride != null && r.containsKey("for")) {
                    r.put("for", forOverride);
                }
                rules.add(r);
            }
            copy.put("rules", rules);
            groups.add(copy);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, new Dump(DumpSettings.builder().build()).dumpToString(Map.of("groups", groups)));
        return file;
    }

    /** Every {@code expr} of the Grafana dashboard in the prod overlay's dashboard ConfigMap. */
    @SuppressWarnings("unchecked")
    static List<String> dashboardQueries() {
        List<String> exprs = new ArrayList<>();
        for (Map<String, Object> map : load(prod().resolve("dashboard.yaml"))) {
            for (Object json : ((Map<String, Object>) map.get("data")).values()) {
                try {
                    collect(JSON.readTree((String) json), exprs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return exprs;
    }

    private static void collect(JsonNode node, List<String> exprs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                    exprs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), exprs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, exprs));
        }
    }
}

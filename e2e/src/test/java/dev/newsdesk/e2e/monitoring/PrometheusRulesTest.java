package dev.newsdesk.e2e.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule of the prod overlay, tested like code: promtool checks the rules and runs
 * their unit tests (monitoring.test.yaml beside them), every alert is driven to firing there,
 * and every alert carries what an on-call engineer needs.
 */
class PrometheusRulesTest {

    @TempDir
    Path dir;

    @Test
    void promtoolChecksTheRules() throws Exception {
        MonitoringManifests.writeRulesFile(dir.resolve("newsdesk-rules.yaml"), null);
        Promtool.Result check = Promtool.run(dir, "check", "rules", "newsdesk-rules.yaml");
        System.out.println(check.output());
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output()
                .contains("SUCCESS: " + MonitoringManifests.rules().size() + " rules found"));
    }

    @Test
    void promtoolUnitTestsPass() throws Exception {
        MonitoringManifests.writeRulesFile(dir.resolve("newsdesk-rules.yaml"), null);
        Files.copy(MonitoringManifests.prod().resolve("monitoring.test.yaml"), dir.resolve("monitoring.test.yaml"));
        Promtool.Result test = Promtool.run(dir, "test", "rules", "monitoring.test.yaml");
        System.out.println(test.output());
        assertEquals(0, test.exit(), test.output());
    }

    @Test
    void everyAlertFiresInTheUnitTests() throws Exception {
        String tests = Files.readString(MonitoringManifests.prod().resolve("monitoring.test.yaml"));
        // An alert_rule_test whose exp_alerts is a non-empty list: "alertname: X" then "exp_alerts:" + a list item.
        Pattern firing = Pattern.compile("alertname: (\\w+)\\n\\s+exp_alerts:\\n\\s+- exp_labels");
        Set<String> fired = new java.util.HashSet<>();
        Matcher m = firing.matcher(tests);
        while (m.find()) {
            fired.add(m.group(1));
        }
        List<String> never = new ArrayList<>();
        for (Map<String, Object> alert : MonitoringManifests.alerts()) {
            if (!fired.contains((String) alert.get("alert"))) {
                never.add((String) alert.get("alert"));
            }
        }
        assertEquals(List.of(), never, "alerts no unit test drives to firing");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertHasForSeveritySummaryAndARunbookInDeployMd() throws Exception {
        String deploy = Files.readString(MonitoringManifests.root().resolve("docs/deploy.md"), StandardCharsets.UTF_8);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> alert : MonitoringManifests.alerts()) {
            String name = (String) alert.get("alert");
            Map<String, Object> labels = (Map<String, Object>) alert.getOrDefault("labels", Map.of());
            Map<String, Object> annotations = (Map<String, Object>) alert.getOrDefault("annotations", Map.of());
            if (!alert.containsKey("for")) {
                problems.add(name + ": no for:");
            }
            if (!Set.of("critical", "warning").contains(labels.get("severity"))) {
                problems.add(name + ": severity is " + labels.get("severity"));
            }
            if (!(annotations.get("summary") instanceof String s) || s.isBlank()) {
                problems.add(name + ": no summary");
            }
            String runbook = "docs/deploy.md#" + name.toLowerCase(Locale.ROOT);
            if (!runbook.equals(annotations.get("runbook_url"))) {
                problems.add(name + ": runbook_url is " + annotations.get("runbook_url") + ", not " + runbook);
            }
            // GitHub-style anchors: a heading "### NewsdeskFeedsStale" gets #newsdeskfeedsstale.
            if (!deploy.contains("\n### " + name + "\n")) {
                problems.add(name + ": docs/deploy.md has no heading '### " + name + "'");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theTokenizerFindsMetricNamesOnly() {
        assertEquals(
                Set.of("http_server_requests_seconds_count"),
                PromQl.metricNames(
                        "sum by (group, le) (label_replace(rate(http_server_requests_seconds_count{uri=~\"/api/.*\","
                                + " status=\"500\"}[5m]), \"group\", \"api\", \"uri\", \"/api/.*\"))"));
        assertEquals(
                Set.of("a_total", "b:ratio_rate5m", "up"),
                PromQl.metricNames("(a_total > 14.4 * 0.001 and on (pod) b:ratio_rate5m offset 5m) or up == 0"));
        assertEquals(
                Set.of("jvm_memory_used_bytes"),
                PromQl.metricNames("sum by (area) (jvm_memory_used_bytes{job=~\"$service\"}) / time() > 1e3"));
    }
}

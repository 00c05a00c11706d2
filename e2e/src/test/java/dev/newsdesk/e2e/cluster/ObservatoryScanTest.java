package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MDN HTTP Observatory (npm {@code @mdn/mdn-http-observatory}, Mozilla's scanner, its own
 * retriever and tests) against the local cluster's edge. Every test passes except the two that
 * need HTTPS, which a plain-HTTP local edge cannot offer (the Gateway's HTTPS listener does:
 * redirect from port 80 and {@code Strict-Transport-Security}); those are named here, so any
 * other failure fails this test.
 */
@ExtendWith(RunningCluster.class)
class ObservatoryScanTest {

    static final String VERSION = "1.4.8";
    /** The tests a plain-HTTP edge fails by construction, with the result they give. */
    static final Map<String, String> HTTPS_ONLY = Map.of(
            "redirection", "redirection-missing",
            "strict-transport-security", "hsts-not-implemented-no-https");

    @Test
    void theEdgePassesEveryObservatoryTestButTheHttpsOnes() throws Exception {
        Path scanner = installed();
        URI edge = URI.create(RunningCluster.cluster().ingressUrl());
        Process scan = new ProcessBuilder(
                        "node",
                        "scan.mjs",
                        edge.getHost(),
                        String.valueOf(edge.getPort()),
                        String.valueOf(NewsdeskSystem.freePort()), // nothing listens: no HTTPS here
                        "/")
                .directory(scanner.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out;
        try (InputStream stdout = scan.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(scan.waitFor(120, TimeUnit.SECONDS), "the scan ended");
        assertEquals(0, scan.exitValue(), out);
        System.out.println("observatory: " + out.strip());
        JsonNode tests = Edge.JSON.readTree(out).get("tests");

        Map<String, String> failed = new LinkedHashMap<>();
        tests.properties().forEach(t -> {
            if (!t.getValue().get("pass").asBoolean()) {
                failed.put(t.getKey(), t.getValue().get("result").asText());
            }
        });
        assertEquals(HTTPS_ONLY, failed, "failing tests other than the HTTPS-only ones");
        assertEquals(10, tests.size(), out);
        // Passing is not all: the strongest result of each header test.
        assertEquals("csp-implemented-with-no-unsafe-default-src-none", result(tests, "content-security-policy"));
        assertEquals("x-content-type-options-nosniff", result(tests, "x-content-type-options"));
        assertEquals("referrer-policy-private", result(tests, "referrer-policy"));
        assertTrue(
                List.of("x-frame-options-implemented-via-csp", "x-frame-options-sameorigin-or-deny")
                        .contains(result(tests, "x-frame-options")),
                out);
    }

    private static String result(JsonNode tests, String name) {
        return tests.get(name).get("result").asText();
    }

    /**
     * The scanner in {@code e2e/target/observatory}, as .ci/run installs it; installed here when
     * missing (npm, without its install script, which downloads the HSTS preload and TLD lists: a
     * loopback host is in neither, so an empty preload list stands in).
     */
    private static Path installed() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath();
        Path dir = root.resolve("e2e/target/observatory");
        Path module = dir.resolve("node_modules/@mdn/mdn-http-observatory");
        if (!Files.isRegularFile(module.resolve("package.json"))) {
            boolean npm = new ProcessBuilder("sh", "-c", "command -v node && command -v npm")
                            .start()
                            .waitFor()
                    == 0;
            if (!npm) {
                assertTrue(!"true".equals(System.getenv("CI")), "node and npm are required under CI=true");
                Assumptions.abort("node/npm missing: install Node.js 20+ to run the Observatory scan");
            }
            Files.createDirectories(dir);
            Process install = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            dir.toString(),
                            "--ignore-scripts",
                            "--no-audit",
                            "--no-fund",
                            "@mdn/mdn-http-observatory@" + VERSION)
                    .inheritIO()
                    .start();
            assertTrue(install.waitFor(5, TimeUnit.MINUTES), "npm install ended");
            assertEquals(0, install.exitValue(), "npm install @mdn/mdn-http-observatory");
        }
        Path preload = module.resolve("conf/hsts-preload.json");
        if (!Files.exists(preload)) {
            Files.writeString(preload, "{}");
        }
        try (InputStream script = ObservatoryScanTest.class.getResourceAsStream("/observatory/scan.mjs")) {
            Files.copy(script, dir.resolve("scan.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }
}

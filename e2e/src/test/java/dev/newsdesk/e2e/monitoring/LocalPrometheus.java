package dev.newsdesk.e2e.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Prometheus server (Debian's package) on a loopback port with a generated configuration:
 * one scrape job per service listing its replicas, a short scrape and evaluation interval, and
 * the given rules file. As root it runs as nobody (setpriv), as it would in a pod.
 */
final class LocalPrometheus implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code targets}: job name to {@code host:port} of each replica, all scraped on /q/metrics. */
    static LocalPrometheus start(Path dir, Path rules, Map<String, List<String>> targets) throws IOException {
        Path binary = Promtool.binary("prometheus");
        StringBuilder config = new StringBuilder()
                .append("global:\n  scrape_interval: 2s\n  evaluation_interval: 2s\n")
                .append("rule_files: [\"")
                .append(rules)
                .append("\"]\nscrape_configs:\n");
        targets.forEach((job, hosts) -> config.append("  - job_name: ")
                .append(job)
                .append("\n    metrics_path: /q/metrics\n    static_configs:\n      - targets: [")
                .append(String.join(
                        ", ", hosts.stream().map(h -> "\"" + h + "\"").toList()))
                .append("]\n"));
        Path configFile = Files.writeString(dir.resolve("prometheus.yml"), config);
        Path data = Files.createDirectories(dir.resolve("tsdb"));
        int port = NewsdeskSystem.freePort();
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            // nobody reads the configuration and rules (a temporary folder is private) and writes its database.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(
                binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=1h",
                "--web.listen-address=127.0.0.1:" + port));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        LocalPrometheus prometheus = new LocalPrometheus(process, port);
        prometheus.awaitReady(Duration.ofSeconds(30), dir.resolve("prometheus.log"));
        return prometheus;
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base() + "/-/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        throw new IllegalStateException("prometheus not ready within " + timeout + ": " + Files.readString(log));
    }

    /** The state of the named alert: "firing", "pending", or "inactive" when absent. */
    String alertState(String name) throws IOException, InterruptedException {
        String state = "inactive";
        for (JsonNode alert : api("/api/v1/alerts").path("data").path("alerts")) {
            if (name.equals(alert.path("labels").path("alertname").asText())) {
                String s = alert.path("state").asText();
                if (s.equals("firing") || state.equals("inactive")) {
                    state = s;
                }
            }
        }
        return state;
    }

    /** The instant vector of {@code query} (each sample's labels and value). */
    JsonNode query(String query) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .path("data")
                .path("result");
    }

    private JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM (Prometheus closes its database), SIGKILL if it takes longer than 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

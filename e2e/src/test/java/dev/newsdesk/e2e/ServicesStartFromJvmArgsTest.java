package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The build writes each service's production JVM options to {@code target/quarkus-app/jvm.args},
 * and the run command starts every service as {@code java @jvm.args -jar quarkus-run.jar} from
 * that folder: read back from the running processes (their command line and working directory,
 * from /proc through {@link ProcessHandle}), and seen in effect (the serial collector's pools in
 * the service's own metrics; the JVM's default on this machine would be G1).
 */
@ExtendWith(RunningSystem.class)
class ServicesStartFromJvmArgsTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theBuildWritesJvmArgsBesideEachJar() throws Exception {
        for (ServiceProcess service : RunningSystem.system().services()) {
            Path args = app(service).resolve(ServiceProcess.JVM_ARGS);
            List<String> lines = Files.readAllLines(args);
            assertTrue(lines.contains("-XX:+UseSerialGC"), args + ": " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("-XX:MaxRAM=")), args + ": " + lines);
        }
    }

    @Test
    void theRunCommandStartsEachServiceWithJvmArgsFromItsFolder() throws Exception {
        for (ServiceProcess service : RunningSystem.system().services()) {
            ProcessHandle.Info info =
                    ProcessHandle.of(service.pid()).orElseThrow().info();
            assertEquals(
                    List.of("@jvm.args", "-jar", "quarkus-run.jar"),
                    List.of(info.arguments().orElseThrow()),
                    service.name());
            assertTrue(info.command().orElseThrow().endsWith("/java"), info.toString());
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(service.pid()), "cwd"));
            assertEquals(app(service).toRealPath(), cwd, service.name());
        }
    }

    @Test
    void theOptionsAreInEffect() throws Exception {
        for (ServiceProcess service : RunningSystem.system().services()) {
            HttpResponse<String> metrics = HTTP.send(
                    HttpRequest.newBuilder(service.url("/q/metrics"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), service.name());
            assertTrue(
                    metrics.body().contains("id=\"Tenured Gen\""),
                    service.name() + " runs the serial collector that jvm.args names");
        }
    }

    private static Path app(ServiceProcess service) {
        return Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize()
                .resolve(service.name())
                .resolve("target/quarkus-app");
    }
}

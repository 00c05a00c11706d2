package dev.newsdesk.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) running as its own JVM
 * process on its own port: what the run command starts and what the end-to-end tests talk to.
 * It starts as everywhere else, {@code java @jvm.args -jar quarkus-run.jar} from the application
 * folder: the production JVM options (and the AOT cache, when the build trained one) that the
 * build wrote there.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The files of the application folder the command names. */
    public static final String JAR = "quarkus-run.jar", JVM_ARGS = "jvm.args";

    private static final HttpClient HTTP =
            BoundedHttpClient.of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)), Duration.ofSeconds(10));

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar}. Output goes to {@code log}
     * when given, else to this process's standard output with the service's name before each line.
     * An {@code env} value of null removes that variable from the inherited environment.
     */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> env, Path log) {
        Path app = root.resolve(name).resolve("target/quarkus-app");
        for (String file : List.of(JAR, JVM_ARGS)) {
            if (!Files.isRegularFile(app.resolve(file))) {
                throw new IllegalStateException(
                        app.resolve(file) + " is missing: package the services first (./mvnw package -DskipTests)");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(command(java)).directory(app.toFile()).redirectErrorStream(true);
        env.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            if (log != null) {
                Files.createDirectories(log.getParent());
                builder.redirectOutput(log.toFile());
            }
            Process process = builder.start();
            if (log == null) {
                pipe(process.getInputStream(), name, System.out);
            }
            return new ServiceProcess(name, port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** The command line that starts a service, from its application folder. */
    public static List<String> command(String java) {
        return List.of(java, "@" + JVM_ARGS, "-jar", JAR);
    }

    private static void pipe(InputStream in, String name, PrintStream out) {
        Thread t = new Thread(
                () -> {
                    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            out.println(String.format("%-16s| %s", name, line));
                        }
                    } catch (IOException ignored) {
                        // the process ended: nothing more to copy
                    }
                },
                name + "-output");
        t.setDaemon(true);
        t.start();
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public Duration awaitReady(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " before it was ready");
            }
            if (status("/q/health/ready") == 200) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout);
    }

    private int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url(path))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public URI url(String path) {
        return URI.create(baseUrl() + path);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running after " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /** Ends the process at once (SIGKILL): no shutdown hook, no graceful anything, as a crash would. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the service gracefully (SIGTERM), then forcibly if it has not ended within 10 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

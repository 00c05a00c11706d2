package dev.newsdesk.e2e.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx as the local cluster's Gateway data plane: the OS package (nginx-light, installed with apt-get when
 * missing and allowed, as the bench scripts do), in the foreground, with its prefix, logs, pid
 * and temp files under its own folder and no port below 1024, so it needs no privilege.
 * {@link #reload} applies a new configuration the way the Gateway's nginx does on an endpoint change:
 * old workers finish their requests, new ones use the new upstreams.
 */
public final class LocalNginx implements AutoCloseable {

    private final String binary;
    private final Path prefix;
    private final Process process;

    private LocalNginx(String binary, Path prefix, Process process) {
        this.binary = binary;
        this.prefix = prefix;
        this.process = process;
    }

    /** Writes {@code conf} to {@code prefix/nginx.conf} and starts nginx on it. */
    public static LocalNginx start(Path prefix, String conf) {
        String binary = binary();
        try {
            for (String dir : List.of("logs", "temp")) {
                Files.createDirectories(prefix.resolve(dir));
            }
            // Started as root, nginx's workers run as nobody: they must reach the prefix.
            Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
            requireReachableByWorkers(prefix);
            Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
            check(binary, prefix);
            // A pid file left by a run that was killed would pass for this nginx's.
            Files.deleteIfExists(prefix.resolve("nginx.pid"));
            Process process = new ProcessBuilder(
                            binary, "-p", prefix + "/", "-c", "nginx.conf", "-e", "logs/error.log", "-g", "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("logs/nginx.out").toFile())
                    .start();
            LocalNginx nginx = new LocalNginx(binary, prefix, process);
            nginx.awaitPidFile();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start nginx in " + prefix, e);
        }
    }

    /**
     * Writes a new configuration and makes nginx use it; returns once every worker of the old one
     * has finished its requests and gone. {@code nginx -s reload} only signals the master: until
     * the old workers exit, a request on a kept-alive connection is still routed by the old
     * upstreams (CI caught a rendition resized on the wrong replica just after hashing came on).
     */
    public void reload(String conf) {
        try {
            Files.writeString(prefix.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
            check(binary, prefix);
            List<ProcessHandle> old = process.children().toList();
            run(binary, "-p", prefix + "/", "-c", "nginx.conf", "-e", "logs/error.log", "-s", "reload");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (old.stream().anyMatch(ProcessHandle::isAlive)
                    || process.children().noneMatch(worker -> !old.contains(worker))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nginx's old workers did not finish within 30 s of the reload");
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path prefix() {
        return prefix;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fast shutdown (SIGTERM), as the run command's Ctrl-C. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Under root, nginx's workers run as nobody and spill request bodies over 16 KB (a zip import)
     * to {@code temp/client_body}: a folder on the way that others cannot enter turns every such
     * write into nginx's own 500. Refused here, naming the folder, rather than found by a client.
     */
    static void requireReachableByWorkers(Path prefix) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        for (Path dir = prefix.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("nginx's workers (user nobody) cannot enter " + dir
                        + ", on the way to its prefix " + prefix + ": chmod o+x it or start the cluster elsewhere");
            }
        }
    }

    private void awaitPidFile() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited at start; see " + prefix.resolve("logs"));
            }
            if (Files.exists(prefix.resolve("nginx.pid"))) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("nginx did not start within 10 s; see " + prefix.resolve("logs"));
    }

    private static void check(String binary, Path prefix) {
        run(binary, "-t", "-q", "-p", prefix + "/", "-c", "nginx.conf", "-e", "logs/error.log");
    }

    /** nginx from PATH or /usr/sbin; installed from Debian's nginx-light when missing and apt-get can run. */
    static synchronized String binary() {
        String found = find();
        if (found != null) {
            return found;
        }
        if (find("apt-get") != null && "root".equals(System.getProperty("user.name"))) {
            System.out.println("nginx is missing: installing nginx-light (apt-get)");
            run("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light");
            found = find();
        }
        if (found == null) {
            throw new IllegalStateException(
                    "nginx is not installed: install it (Debian/Ubuntu: apt-get install nginx-light) and run again");
        }
        return found;
    }

    private static String find() {
        String onPath = find("nginx");
        return onPath != null ? onPath : Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : null;
    }

    private static String find(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElse(null);
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
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

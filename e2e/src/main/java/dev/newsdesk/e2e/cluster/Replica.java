package dev.newsdesk.e2e.cluster;

import dev.newsdesk.e2e.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One replica of a service in the local cluster: a port that stays its own across restarts (as a
 * pod's name does for its logs) and the process currently serving it. {@code inUpstream} is what
 * readiness would say to the endpoints: false while it is being stopped or started.
 */
public final class Replica {

    private final Path root;
    private final String service;
    private final int index;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private ServiceProcess process;
    private volatile boolean inUpstream = true;

    Replica(Path root, String service, int index, int port, Map<String, String> env, Path log) {
        this.root = root;
        this.service = service;
        this.index = index;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = log;
    }

    void start() {
        process = ServiceProcess.start(root, service, port, env, log);
    }

    /** {@code article-service-1}: the name a log line or a report uses. */
    public String name() {
        return service + "-" + index;
    }

    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    public ServiceProcess process() {
        return process;
    }

    public boolean inUpstream() {
        return inUpstream;
    }

    void inUpstream(boolean value) {
        inUpstream = value;
    }

    public Duration awaitReady(Duration timeout) {
        return process.awaitReady(timeout);
    }

    /** SIGTERM, as the kubelet sends after preStop: Quarkus finishes what it has in flight. */
    public void stop() {
        process.close();
    }

    /** SIGKILL: a crash, nothing finishes. */
    public void kill() {
        process.kill();
    }

    /** A new process on the same port and with the same settings (its caches start empty, as a new pod's). */
    public void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(name() + " is still running");
        }
        start();
    }
}

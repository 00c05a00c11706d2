package dev.newsdesk.e2e;

import dev.newsdesk.article.testing.LocalPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and the three services started together, wired to each other by base URLs the way
 * the contract's configuration table says: the local stand-in for the cluster.
 */
public final class NewsdeskSystem implements AutoCloseable {

    public static final String API_TOKEN = "local-dev-token";

    private final LocalPostgres database;
    private final List<ServiceProcess> services;
    private final String signingKey;
    /** How image-service was started, to start it again after {@link #stopImageService}. */
    private Runnable imageStart;

    private NewsdeskSystem(LocalPostgres database, List<ServiceProcess> services, String signingKey) {
        this.database = database;
        this.services = services;
        this.signingKey = signingKey;
    }

    /**
     * Starts PostgreSQL (its cluster in {@code dataDir/postgres}, kept across runs) and article-,
     * image- and feed-service on the given ports, with data under {@code dataDir}. {@code logDir}
     * null means the services' output is copied, prefixed, to standard output.
     */
    public static NewsdeskSystem start(
            Path root,
            Path dataDir,
            Path logDir,
            int articlePort,
            int imagePort,
            int feedPort,
            Map<String, String> extraEnv) {
        String signingKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        LocalPostgres database = LocalPostgres.start(dataDir.resolve("postgres"), 0, true);
        Map<String, String> env = environment(database, dataDir, articlePort, imagePort, feedPort);
        env.put("NEWSDESK_IMAGE_SIGNING_KEY", signingKey);
        env.putAll(extraEnv);
        List<ServiceProcess> started = new ArrayList<>();
        NewsdeskSystem system = new NewsdeskSystem(database, started, signingKey);
        try {
            started.add(
                    ServiceProcess.start(root, "article-service", articlePort, env, log(logDir, "article-service")));
            started.add(ServiceProcess.start(root, "image-service", imagePort, env, log(logDir, "image-service")));
            system.imageStart = () -> started.set(
                    1, ServiceProcess.start(root, "image-service", imagePort, env, log(logDir, "image-service-again")));
            started.add(ServiceProcess.start(root, "feed-service", feedPort, env, log(logDir, "feed-service")));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The services' environment: each other's base URLs, the write token, the data folder and the database. */
    public static Map<String, String> environment(
            LocalPostgres database, Path dataDir, int articlePort, int imagePort, int feedPort) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWSDESK_PUBLIC_BASE_URL", "http://localhost:" + articlePort);
        env.put("NEWSDESK_IMAGE_BASE_URL", "http://localhost:" + imagePort);
        // where article-service asks image-service for placeholders (the browser's base above may be a CDN)
        env.put("NEWSDESK_IMAGE_SERVICE_URL", "http://127.0.0.1:" + imagePort);
        env.put("NEWSDESK_FEED_BASE_URL", "http://localhost:" + feedPort);
        env.put("NEWSDESK_ARTICLE_SERVICE_URL", "http://localhost:" + articlePort);
        env.put("NEWSDESK_API_TOKENS", API_TOKEN);
        env.put("NEWSDESK_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        // Readable logs on a developer's terminal; JSON stays the default for clusters.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return env;
    }

    private static Path log(Path logDir, String name) {
        return logDir == null ? null : logDir.resolve(name + ".log");
    }

    /** Waits for all three to be ready; returns each one's time to ready. */
    public Map<String, Duration> awaitReady(Duration timeout) {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (ServiceProcess service : services) {
            times.put(service.name(), service.awaitReady(timeout));
        }
        return times;
    }

    public ServiceProcess article() {
        return services.get(0);
    }

    public ServiceProcess image() {
        return services.get(1);
    }

    public ServiceProcess feed() {
        return services.get(2);
    }

    /** Kills image-service: what its clients see when it is down. */
    public void stopImageService() {
        image().kill();
    }

    /** Starts image-service again on its port, with its environment; returns once it is ready. */
    public void startImageService(Duration timeout) {
        imageStart.run();
        image().awaitReady(timeout);
    }

    public LocalPostgres database() {
        return database;
    }

    public List<ServiceProcess> services() {
        return services;
    }

    public String signingKey() {
        return signingKey;
    }

    public static int freePort() {
        return LocalPostgres.freePort();
    }

    @Override
    public void close() {
        // Reverse order: feed-service stops polling before article-service goes away, and the
        // database goes last, once nothing is writing.
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        database.close();
    }
}

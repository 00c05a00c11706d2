package dev.newsdesk.e2e.cluster;

import dev.newsdesk.article.testing.LocalPostgres;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.cluster.NginxConfig.Upstream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The cluster on one machine: PostgreSQL (embedded, or the one
 * {@code QUARKUS_DATASOURCE_JDBC_URL} names), N replicas of each service on their own loopback
 * ports, and nginx in front as the Gateway, generated from the HTTPRoutes and policies in {@code k8s/}. Every replica sees the
 * others only through nginx: the public base URLs are the Gateway, and feed-service reaches
 * article-service through the Service stand-in, as in a pod.
 */
public final class NewsdeskCluster implements AutoCloseable {

    private static final Executor VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    public static final List<String> SERVICES = List.of("article-service", "image-service", "feed-service");

    private final LocalPostgres database;
    private final Map<String, List<Replica>> replicas;
    private final NginxConfig config;
    private final int ingressPort;
    private final int redirectPort;
    private final String signingKey;
    private LocalNginx nginx;
    private boolean hashing = true;

    private NewsdeskCluster(
            LocalPostgres database,
            Map<String, List<Replica>> replicas,
            NginxConfig config,
            int ingressPort,
            int redirectPort,
            String signingKey) {
        this.database = database;
        this.replicas = replicas;
        this.config = config;
        this.ingressPort = ingressPort;
        this.redirectPort = redirectPort;
        this.signingKey = signingKey;
    }

    /**
     * Starts everything and returns without waiting for readiness ({@link #awaitReady}); the
     * replicas' logs go to {@code dataDir/logs/<service>-<n>.log}, nginx's to {@code dataDir/nginx/logs}.
     */
    public static NewsdeskCluster start(
            Path root, Path dataDir, int ingressPort, int replicasEach, Map<String, String> extraEnv) {
        GatewayRoutes edge = GatewayRoutes.read(root);
        String signingKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        boolean givenDatabase = System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
        LocalPostgres database = givenDatabase ? null : LocalPostgres.start(dataDir.resolve("postgres"), 0, true);
        Map<String, Integer> servicePorts = Map.of("article-service", NewsdeskSystem.freePort());
        int redirectPort = NewsdeskSystem.freePort();
        String ingress = "http://localhost:" + ingressPort;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWSDESK_PUBLIC_BASE_URL", ingress);
        env.put("NEWSDESK_IMAGE_BASE_URL", ingress);
        // article-service's info requests for placeholders go through the ingress, as a pod's go to the Service
        env.put("NEWSDESK_IMAGE_SERVICE_URL", ingress);
        env.put("NEWSDESK_FEED_BASE_URL", ingress);
        env.put("NEWSDESK_ARTICLE_SERVICE_URL", "http://127.0.0.1:" + servicePorts.get("article-service"));
        env.put("NEWSDESK_API_TOKENS", NewsdeskSystem.API_TOKEN);
        env.put("NEWSDESK_IMAGE_SIGNING_KEY", signingKey);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
        }
        env.putAll(extraEnv);
        Map<String, List<Replica>> replicas = new LinkedHashMap<>();
        for (String service : SERVICES) {
            List<Replica> each = new ArrayList<>();
            for (int n = 1; n <= replicasEach; n++) {
                Map<String, String> own = new LinkedHashMap<>(env);
                // Each pod has its own emptyDir: the image caches are per replica.
                own.put(
                        "NEWSDESK_DATA_DIR",
                        dataDir.resolve("replicas/" + service + "-" + n).toString());
                each.add(new Replica(
                        root,
                        service,
                        n,
                        NewsdeskSystem.freePort(),
                        own,
                        dataDir.resolve("logs/" + service + "-" + n + ".log")));
            }
            replicas.put(service, each);
        }
        NewsdeskCluster cluster = new NewsdeskCluster(
                database,
                replicas,
                new NginxConfig(edge, ingressPort, redirectPort, servicePorts),
                ingressPort,
                redirectPort,
                signingKey);
        try {
            cluster.nginx = LocalNginx.start(dataDir.resolve("nginx"), cluster.nginxConf());
            // All JVMs at once: on two cores they take turns, but the slowest sets the pace either way.
            replicas.values().forEach(list -> list.forEach(Replica::start));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Waits for every replica's readiness, all at once; returns each one's time to ready from now. */
    public Map<String, Duration> awaitReady(Duration timeout) {
        Map<String, CompletableFuture<Duration>> waits = new LinkedHashMap<>();
        for (Replica replica : all()) {
            waits.put(replica.name(), CompletableFuture.supplyAsync(() -> replica.awaitReady(timeout), VIRTUAL));
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        waits.forEach((name, wait) -> {
            try {
                times.put(name, wait.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        });
        return times;
    }

    /** The Gateway's HTTPS listener (plain HTTP locally: no certificate on a developer's machine). */
    public String ingressUrl() {
        return "http://localhost:" + ingressPort;
    }

    /** The Gateway's HTTP listener, whose only answer is a redirect to https. */
    public String redirectUrl() {
        return "http://localhost:" + redirectPort;
    }

    public List<Replica> replicas(String service) {
        return replicas.get(service);
    }

    public List<Replica> all() {
        return replicas.values().stream().flatMap(List::stream).toList();
    }

    public String signingKey() {
        return signingKey;
    }

    /** Null when the cluster uses the database {@code QUARKUS_DATASOURCE_JDBC_URL} names. */
    public LocalPostgres database() {
        return database;
    }

    public Path nginxPrefix() {
        return nginx.prefix();
    }

    /**
     * Out of (false) or back into (true) its service's upstream, as failing or passing readiness
     * does to the endpoints the Gateway balances over; nginx reloads with the new list.
     */
    public synchronized void inUpstream(Replica replica, boolean in) {
        replica.inUpstream(in);
        nginx.reload(nginxConf());
    }

    /** False: the hashing policy ignored, images round robin (what the hashing is measured against). */
    public synchronized void hashing(boolean on) {
        hashing = on;
        nginx.reload(nginxConf());
    }

    private String nginxConf() {
        Map<String, List<Upstream>> upstreams = new LinkedHashMap<>();
        replicas.forEach((service, list) -> upstreams.put(
                service,
                list.stream().map(r -> new Upstream(r.port(), !r.inUpstream())).toList()));
        return config.render(upstreams, hashing);
    }

    /** nginx first (no new requests), then every replica at once (SIGTERM, each finishes its requests), then the database. */
    @Override
    public void close() {
        if (nginx != null) {
            nginx.close();
        }
        List<Thread> stopping = all().stream()
                .filter(r -> r.process() != null)
                .map(r -> Thread.ofVirtual().start(r::stop))
                .toList();
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (database != null) {
            database.close();
        }
    }
}

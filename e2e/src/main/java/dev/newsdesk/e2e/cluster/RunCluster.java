package dev.newsdesk.e2e.cluster;

import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The cluster command's entry point ({@code ./mvnw -Pcluster}): two replicas of each service,
 * PostgreSQL, nginx as the Gateway on {@code newsdesk.ingress.port} (default 8080, the contract's
 * public base); says where everything is, and Ctrl-C stops nginx, the replicas, then the database.
 */
public final class RunCluster {

    private RunCluster() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = RunCommand.root();
        Path data = RunCommand.dataDir(root).resolve("cluster");
        NewsdeskCluster cluster = NewsdeskCluster.start(
                root,
                data,
                Integer.getInteger("newsdesk.ingress.port", 8080),
                Integer.getInteger("newsdesk.replicas", 2),
                Map.of());
        AtomicBoolean stopping =
                RunCommand.stopOnExit("newsdesk: stopping nginx, the replicas, then PostgreSQL", cluster::close);
        Map<String, Duration> ready = cluster.awaitReady(Duration.ofSeconds(120));
        System.out.println();
        System.out.println("newsdesk cluster is up (data and logs in " + data + "):");
        System.out.println("  gateway (nginx)  " + cluster.ingressUrl() + "   <- use this; config in "
                + cluster.nginxPrefix().resolve("nginx.conf"));
        System.out.println("  its HTTP listener " + cluster.redirectUrl() + "   (only redirects to https)");
        for (Replica replica : cluster.all()) {
            System.out.printf(
                    "  %-18s http://localhost:%d   ready in %.1f s%n",
                    replica.name(), replica.port(), ready.get(replica.name()).toMillis() / 1000.0);
        }
        if (cluster.database() != null) {
            System.out.printf(
                    "  %-18s %s (cluster in %s)%n",
                    "PostgreSQL",
                    cluster.database().jdbcUrl(),
                    cluster.database().dataDir());
        } else {
            System.out.println("  PostgreSQL         " + System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        }
        System.out.println("  write token        Authorization: Bearer " + NewsdeskSystem.API_TOKEN);
        System.out.println("Press Ctrl-C to stop everything.");
        while (cluster.all().stream().allMatch(r -> r.process().isAlive())) {
            Thread.sleep(1000);
        }
        if (!stopping.get()) {
            System.out.println("newsdesk: a replica exited (see its log); stopping the rest");
            System.exit(1);
        }
    }
}

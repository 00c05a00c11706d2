package dev.newsdesk.e2e;

import dev.newsdesk.article.testing.LocalPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run command's entry point ({@code ./mvnw -Prun}): starts PostgreSQL (data under
 * {@code NEWSDESK_DATA_DIR}/postgres, default {@code ./data/postgres}) and the three packaged
 * services on the contract's local ports, says where each is, and on Ctrl-C stops the services,
 * then the database.
 */
public final class RunLocally {

    private RunLocally() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = RunCommand.root();
        Path data = RunCommand.dataDir(root);
        NewsdeskSystem system = NewsdeskSystem.start(
                root,
                data,
                null,
                Integer.getInteger("newsdesk.article.port", 8081),
                Integer.getInteger("newsdesk.image.port", 8082),
                Integer.getInteger("newsdesk.feed.port", 8083),
                Map.of());
        AtomicBoolean stopping =
                RunCommand.stopOnExit("newsdesk: stopping the three services, then PostgreSQL", system::close);
        Map<String, Duration> ready = system.awaitReady(Duration.ofSeconds(90));
        System.out.println();
        System.out.println("newsdesk is up (data in " + data + "):");
        for (ServiceProcess service : system.services()) {
            System.out.printf(
                    "  %-16s %s   ready in %.1f s%n",
                    service.name(), service.baseUrl(), ready.get(service.name()).toMillis() / 1000.0);
        }
        System.out.printf(
                "  %-16s %s   (user %s; cluster in %s)%n",
                "PostgreSQL",
                system.database().jdbcUrl(),
                LocalPostgres.USER,
                system.database().dataDir());
        System.out.println("  write token      Authorization: Bearer " + NewsdeskSystem.API_TOKEN);
        System.out.println("Press Ctrl-C to stop all three.");
        while (system.services().stream().allMatch(ServiceProcess::isAlive)) {
            Thread.sleep(1000);
        }
        if (!stopping.get()) {
            System.out.println("newsdesk: a service exited; stopping the others");
            System.exit(1);
        }
    }
}

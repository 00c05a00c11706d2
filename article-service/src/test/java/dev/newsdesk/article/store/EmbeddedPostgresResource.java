package dev.newsdesk.article.store;

import dev.newsdesk.article.testing.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One PostgreSQL server for the whole suite (every {@code @QuarkusTest} and the
 * {@code @QuarkusIntegrationTest}), in a fresh cluster under {@code target/}, unless
 * {@code -Dquarkus.datasource.jdbc.url=…} names a server to use instead ({@code .ci/run} step 2
 * runs the suite again on the machine's own PostgreSQL that way).
 */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    static final String URL = "quarkus.datasource.jdbc.url";

    private LocalPostgres server;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        if (System.getProperty(URL) != null) {
            return Map.of();
        }
        try {
            dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // fsync off: a throwaway cluster; commits still wait for the WAL write (synchronous_commit).
        server = LocalPostgres.start(dataDir, 0, false);
        return Map.of(URL, server.jdbcUrl(), "quarkus.datasource.username", LocalPostgres.USER);
    }

    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged article-service started on its own, with no database configured, refuses to
 * start with one line that names the variable to set: no stack trace, no built-in database.
 */
class ArticleServiceNeedsADatabaseTest {

    @Test
    void refusesToStartWithoutADatabaseUrlInOneLine() throws Exception {
        Path root = Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path log = Files.createTempDirectory(
                        Files.createDirectories(root.resolve("e2e/target/e2e-run")), "no-database-")
                .resolve("article-service.log");
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", null);
        env.put("QUARKUS_DATASOURCE_USERNAME", null);
        ServiceProcess service = ServiceProcess.start(root, "article-service", NewsdeskSystem.freePort(), env, log);
        int exit;
        try {
            exit = service.awaitExit(Duration.ofSeconds(90));
        } finally {
            service.close();
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .toList();
        assertNotEquals(0, exit, "exit code");
        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).contains("QUARKUS_DATASOURCE_JDBC_URL"), lines.get(0));
    }
}

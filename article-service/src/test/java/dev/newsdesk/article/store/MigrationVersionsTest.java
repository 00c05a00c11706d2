package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Flyway version rule (README, "Database migrations"): V1, V2, V10, V20 and V30 are history;
 * after them versions are a plain sequence V31, V32, ... with no gap. Flyway refuses a migration
 * below the highest one a database has already applied (a new "V11" would stop every existing
 * installation at start), and a gap invites exactly that: someone fills it later.
 */
class MigrationVersionsTest {

    private static final List<Integer> HISTORY = List.of(1, 2, 10, 20, 30);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void versionsAfterThirtyArePlainSequence() throws Exception {
        List<Integer> versions = versions();
        List<Integer> history = versions.stream().filter(v -> v <= 30).toList();
        assertEquals(HISTORY, history, "no new migration may take a version at or below 30: " + versions);
        List<Integer> sequence = versions.stream().filter(v -> v > 30).toList();
        assertEquals(
                IntStream.rangeClosed(31, 30 + sequence.size()).boxed().toList(),
                sequence,
                "after V30 the versions are 31, 32, ... without a gap: " + versions);
    }

    private static List<Integer> versions() throws URISyntaxException, IOException {
        Path dir = Path.of(MigrationVersionsTest.class
                .getClassLoader()
                .getResource("db/migration")
                .toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .map(name -> {
                        Matcher m = NAME.matcher(name);
                        assertTrue(m.matches(), "a versioned migration named V<n>__<what>.sql: " + name);
                        return Integer.valueOf(m.group(1));
                    })
                    .sorted()
                    .toList();
        }
    }
}

package dev.newsdesk.e2e.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Started as root, the local edge's workers run as nobody: a prefix they cannot reach is refused
 * when nginx starts, naming the folder, instead of every large request body becoming a 500.
 */
class LocalNginxTest {

    @Test
    void aPrefixBehindAFolderOthersCannotEnterIsRefusedUpFront(@TempDir Path temp) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "nginx only switches users when started as root");
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path closed = Files.createDirectory(
                temp.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path prefix = Files.createDirectories(closed.resolve("nginx"));

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> LocalNginx.requireReachableByWorkers(prefix));
        assertTrue(refused.getMessage().contains(closed.toString()), refused.getMessage());

        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx--x--x"));
        assertDoesNotThrow(() -> LocalNginx.requireReachableByWorkers(prefix));
    }
}

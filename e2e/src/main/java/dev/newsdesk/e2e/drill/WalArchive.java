package dev.newsdesk.e2e.drill;

import dev.newsdesk.article.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * PostgreSQL's own continuous archiving, done by hand the way Barman does it in the cluster: WAL
 * segments copied by {@code archive_command} into a folder, a base backup taken with the
 * non-exclusive {@code pg_backup_start}/{@code pg_backup_stop} pair and a file copy (the embedded
 * binaries ship no pg_basebackup), and a restore that replays the archive up to a target time.
 */
final class WalArchive {

    /** Whose contents a base backup leaves out (PostgreSQL's documented list); the folders stay. */
    private static final Set<String> EMPTIED = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    /** Files of a running server that must not be in a backup: its pid, options and the embedding library's lock. */
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path folder;

    WalArchive(Path folder) {
        this.folder = folder;
    }

    /** Turns archiving on (a setting that needs a restart: the caller restarts the server). */
    void enableOn(LocalPostgres server) throws SQLException, IOException {
        Files.createDirectories(folder);
        try (Connection c = superuser(server);
                Statement s = c.createStatement()) {
            s.execute("alter system set archive_mode = 'on'");
            s.execute("alter system set archive_command = "
                    + literal("test ! -f " + shellQuoted(folder + "/%f") + " && cp %p " + shellQuoted(folder + "/%f")));
        }
    }

    /** Copies the running server's data directory between pg_backup_start and pg_backup_stop. */
    void baseBackup(LocalPostgres server, Path target) throws SQLException, IOException {
        try (Connection c = superuser(server);
                Statement s = c.createStatement()) {
            s.execute("select pg_backup_start('restore-drill', true)");
            copyData(server.dataDir(), target);
            try (ResultSet r = s.executeQuery("select labelfile from pg_backup_stop(true)")) {
                r.next();
                // The label tells recovery where to start replaying; without it the copy would be
                // taken for a crashed primary and come up inconsistent.
                Files.writeString(target.resolve("backup_label"), r.getString(1));
            }
        }
    }

    /** Ends the current WAL segment and waits until the archiver has copied it. */
    void switchAndWait(LocalPostgres server, Duration timeout) throws SQLException {
        try (Connection c = superuser(server);
                Statement s = c.createStatement()) {
            String segment;
            try (ResultSet r = s.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
                r.next();
                segment = r.getString(1);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.isRegularFile(folder.resolve(segment))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("WAL segment " + segment + " not archived within " + timeout);
                }
                pause();
            }
        }
    }

    /**
     * Prepares {@code dataDir}, a copy of the base backup, to recover from this archive up to
     * {@code targetTime} and then become a primary; the restored server archives nothing.
     */
    void prepareRecovery(Path baseBackup, Path dataDir, String targetTime) throws IOException {
        copyData(baseBackup, dataDir); // with the backup's backup_label
        Files.createFile(dataDir.resolve("recovery.signal"));
        Files.writeString(
                dataDir.resolve("postgresql.auto.conf"),
                "archive_mode = 'off'\n"
                        + "restore_command = " + literal("cp " + shellQuoted(folder + "/%f") + " %p") + "\n"
                        + "recovery_target_time = " + literal(targetTime) + "\n"
                        + "recovery_target_action = 'promote'\n",
                StandardOpenOption.APPEND);
    }

    /** Waits until the restored server has reached its target and been promoted. */
    static void awaitPromoted(LocalPostgres server, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = superuser(server);
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("select pg_is_in_recovery()")) {
                    r.next();
                    if (!r.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL still in recovery after " + timeout);
                }
                pause();
            }
        }
    }

    /** The server's clock now, in a form {@code recovery_target_time} reads. */
    static String serverNow(LocalPostgres server) throws SQLException {
        try (Connection c = superuser(server);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select clock_timestamp()::text")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Bytes and files in the archive. */
    long[] size() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long[] totals = new long[2];
            for (Path f : files.toList()) {
                totals[0] += Files.size(f);
                totals[1]++;
            }
            return totals;
        }
    }

    private static Connection superuser(LocalPostgres server) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + server.port() + "/postgres", LocalPostgres.USER, "");
    }

    private static void copyData(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path copy = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
                Path parent = dir.getParent();
                boolean emptied = parent != null
                        && !dir.equals(from)
                        && from.equals(parent)
                        && EMPTIED.contains(dir.getFileName().toString());
                if (emptied) {
                    // pg_wal keeps its archive_status folder, which the server expects to find.
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (SKIPPED.contains(name) || name.equals("pg_internal.init")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException gone) {
                    // A temporary file the server removed while we copied: not part of the backup.
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String shellQuoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + "\"";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }
}

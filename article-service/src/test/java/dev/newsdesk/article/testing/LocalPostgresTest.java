package dev.newsdesk.article.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir
    Path data;

    /** The bundled binaries are linux-amd64 only: elsewhere the start says so and what to do instead. */
    @Test
    void anotherPlatformIsToldWhatToDoBeforeAnyDownload() {
        IllegalStateException mac = assertThrows(
                IllegalStateException.class, () -> LocalPostgres.refuseOtherPlatforms("Mac OS X", "aarch64"));
        assertTrue(mac.getMessage().contains("linux-amd64"), mac.getMessage());
        assertTrue(mac.getMessage().contains("quarkus.datasource.jdbc.url"), mac.getMessage());
        assertThrows(IllegalStateException.class, () -> LocalPostgres.refuseOtherPlatforms("Linux", "aarch64"));
        LocalPostgres.refuseOtherPlatforms("Linux", "amd64");
    }

    @Test
    void extractsTrigramsFromChineseAndKeepsCommittedRowsAcrossAKill() throws Exception {
        LocalPostgres server = LocalPostgres.start(data, 0, true);
        try {
            try (Connection c = connect(server);
                    Statement s = c.createStatement()) {
                s.execute("create extension if not exists pg_trgm");
                try (ResultSet rows = s.executeQuery("select show_trgm('区块链')")) {
                    rows.next();
                    assertFalse(((String[]) rows.getArray(1).getArray()).length == 0, "trigrams of 区块链");
                }
                s.execute("create table kept (t text)");
                s.execute("insert into kept values ('区块链')");
            }
            new ProcessBuilder("kill", "-9", Long.toString(server.serverPid()))
                    .start()
                    .waitFor();
            server = server.restart();
            try (Connection c = connect(server);
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("select t from kept")) {
                rows.next();
                assertEquals("区块链", rows.getString(1));
            }
        } finally {
            server.close();
        }
    }

    private static Connection connect(LocalPostgres server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), LocalPostgres.USER, "");
    }
}

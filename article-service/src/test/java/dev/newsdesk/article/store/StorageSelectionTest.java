package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StorageSelectionTest {

    @Test
    void noUrlActivatesTheEmbeddedDatabaseOnly() {
        Map<String, String> flags = StorageSelection.activation(null);
        assertEquals("false", flags.get("quarkus.datasource.active"));
        assertEquals("false", flags.get("quarkus.hibernate-orm.active"));
        assertEquals("true", flags.get("quarkus.datasource.embedded.active"));
        assertEquals("true", flags.get("quarkus.hibernate-orm.embedded.active"));
    }

    @Test
    void blankUrlCountsAsUnset() {
        assertEquals("true", StorageSelection.activation("  ").get("quarkus.datasource.embedded.active"));
    }

    @Test
    void postgresUrlActivatesTheDefaultDatasourceOnly() {
        Map<String, String> flags = StorageSelection.activation("jdbc:postgresql://db:5432/newsdesk");
        assertEquals("true", flags.get("quarkus.datasource.active"));
        assertEquals("true", flags.get("quarkus.hibernate-orm.active"));
        assertEquals("false", flags.get("quarkus.datasource.embedded.active"));
        assertEquals("false", flags.get("quarkus.hibernate-orm.embedded.active"));
    }
}

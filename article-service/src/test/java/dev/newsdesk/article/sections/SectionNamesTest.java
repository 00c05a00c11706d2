package dev.newsdesk.article.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.article.store.SectionNameStore;
import dev.newsdesk.article.store.WriteConflicts;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

/** The learning rule without Quarkus: a store that fails as PostgreSQL would. */
class SectionNamesTest {

    /** Holds names in memory; {@code failure} (if set) is what the next put throws instead. */
    private static final class Store extends SectionNameStore {
        final Map<String, String> rows = new HashMap<>();
        RuntimeException failure;

        @Override
        public Map<String, String> all() {
            return Map.copyOf(rows);
        }

        @Override
        public void put(String name, String displayName) {
            if (failure != null) {
                throw failure;
            }
            rows.put(name, displayName);
        }
    }

    @Test
    void learnsANewName() {
        Store store = new Store();
        SectionNames names = new SectionNames(Map::of, store);
        names.learn(Map.of("port", "港口"));
        assertEquals("港口", store.rows.get("port"));
        assertEquals("港口", names.displayName("port"));
    }

    /** A database failure must surface: swallowed, it would drop names without a trace. */
    @Test
    void aDatabaseFailureIsNotSwallowed() {
        Store store = new Store();
        store.failure = new PersistenceException("connection to the database lost");
        SectionNames names = new SectionNames(Map::of, store);
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> names.learn(Map.of("port", "港口")));
        assertSame(store.failure, thrown);
    }

    @Test
    void anotherImportStoringTheSameNewSectionFirstIsExpected() {
        Store store = new Store();
        SectionNames names = new SectionNames(Map::of, store);
        store.failure = new ConstraintViolationException(
                "duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"),
                WriteConflicts.SECTION_NAME);
        names.learn(Map.of("port", "港口"));
        store.failure = null;
        store.rows.put("port", "港口（其他导入）");
        assertEquals("港口（其他导入）", names.displayName("port"), "reloaded after the clash");
    }
}

package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class WriteConflictsTest {

    /** As Hibernate and the transaction manager hand it to the caller: wrapped twice. */
    private static Throwable violation(String sqlState, String constraint) {
        SQLException jdbc = new SQLException("ERROR: violates constraint \"" + constraint + "\"", sqlState);
        ConstraintViolationException hibernate =
                new ConstraintViolationException("could not execute statement", jdbc, constraint);
        return new IllegalStateException("commit failed", new PersistenceException(hibernate));
    }

    @Test
    void aUniqueViolationOnANamedKeyIsARace() {
        assertTrue(
                WriteConflicts.uniqueValueTaken(violation("23505", "article_slug_key"), WriteConflicts.ARTICLE_SLUG));
        assertTrue(WriteConflicts.uniqueValueTaken(
                violation("23505", "ARTICLE_IMPORT_KEY_KEY"),
                WriteConflicts.ARTICLE_IMPORT_KEY,
                WriteConflicts.ARTICLE_SLUG));
    }

    /** A broken foreign key or check retried as if it were a race would hide a fault. */
    @Test
    void otherConstraintsAreFaultsNotRaces() {
        assertFalse(WriteConflicts.uniqueValueTaken(
                violation("23503", "article_category_article_id_fkey"), WriteConflicts.ARTICLE_SLUG));
        assertFalse(
                WriteConflicts.uniqueValueTaken(violation("23514", "article_slug_key"), WriteConflicts.ARTICLE_SLUG));
        assertFalse(WriteConflicts.uniqueValueTaken(violation("23502", null), WriteConflicts.ARTICLE_SLUG));
    }

    @Test
    void aUniqueViolationOnAnotherKeyIsNotThisRace() {
        assertFalse(
                WriteConflicts.uniqueValueTaken(violation("23505", "section_name_pkey"), WriteConflicts.ARTICLE_SLUG));
        assertFalse(WriteConflicts.uniqueValueTaken(
                new PersistenceException("connection lost"), WriteConflicts.ARTICLE_SLUG));
    }
}

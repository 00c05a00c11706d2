package dev.newsdesk.article.store;

import jakarta.persistence.OptimisticLockException;
import java.util.Locale;
import java.util.Set;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads a failed write for the two conflicts a caller answers rather than passes on. Hibernate and
 * the transaction manager wrap the cause a varying number of times, so the whole chain is searched.
 */
public final class WriteConflicts {

    /** PostgreSQL's SQLState for a unique or primary key violation (other constraints have their own). */
    static final String UNIQUE_VIOLATION = "23505";

    /** The unique keys a racing writer can take first; PostgreSQL's default names, from the migrations. */
    public static final String ARTICLE_SLUG = "article_slug_key";

    public static final String ARTICLE_IMPORT_KEY = "article_import_key_key";
    public static final String SECTION_NAME = "section_name_pkey";

    private WriteConflicts() {}

    /** Another writer changed the row between our read and our commit (the version column). */
    public static boolean staleVersion(Throwable failure) {
        return causedBy(failure, OptimisticLockException.class) || causedBy(failure, StaleStateException.class);
    }

    /**
     * One of the named unique keys already held the value: another write got in first. Any other
     * failure (a foreign key, a check, a not-null, another unique key) is a fault, not a race, and
     * answers false so that it propagates.
     */
    public static boolean uniqueValueTaken(Throwable failure, String... constraints) {
        Set<String> names = Set.of(constraints);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && UNIQUE_VIOLATION.equals(violation.getSQLState())
                    && violation.getConstraintName() != null
                    && names.contains(violation.getConstraintName().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

package dev.newsdesk.article.store;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Reads a failed write for the two conflicts a caller answers rather than passes on. Hibernate and
 * the transaction manager wrap the cause a varying number of times, so the whole chain is searched.
 */
public final class WriteConflicts {

    private WriteConflicts() {}

    /** Another writer changed the row between our read and our commit (the version column). */
    public static boolean staleVersion(Throwable failure) {
        return causedBy(failure, OptimisticLockException.class) || causedBy(failure, StaleStateException.class);
    }

    /** A unique column (slug, import key) already held the value: another write got in first. */
    public static boolean uniqueValueTaken(Throwable failure) {
        return causedBy(failure, ConstraintViolationException.class);
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

package org.tehai.platform.database;

import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

/**
 * Work that may lose a race with another writer of the same rows (optimistic locking) and is safe to do again: each
 * attempt runs in its own transaction, and one that lost wrote nothing. Used where the caller cannot sensibly reload
 * and retry by hand, e.g. a technician's phone reporting while a plan is being published.
 */
public final class ConcurrentUpdates {

    /** Attempts before the conflict reaches the caller (as 409). */
    static final int ATTEMPTS = 3;

    private ConcurrentUpdates() {
    }

    /**
     * Runs {@code work} (which must begin and end its own transaction) again when it lost a race, up to three times.
     */
    public static <T> T retrying(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostARace(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean lostARace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}

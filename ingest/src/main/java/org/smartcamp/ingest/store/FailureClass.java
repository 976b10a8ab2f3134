package org.smartcamp.ingest.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * What a failed write means, decided where it is caught: retry the same write later, or isolate what causes it.
 */
public enum FailureClass {
    /**
     * Not caused by the data: the connection (SQLSTATE class 08) or an I/O error, a serialization failure or
     * deadlock (40), insufficient resources (53), an operator intervention such as an admin shutdown (57), a system
     * error (58), a lock not available (55P03), and every other SQLSTATE outside classes 22 and 23 (a missing table
     * or privilege, class 42, is the operator's to fix: dead-lettering data for it would lose nothing but hide it).
     * Retried with backoff; the same write succeeds once the cause is gone.
     */
    TRANSIENT,
    /**
     * Caused by the data: SQLSTATE class 22 (data exception: a value a column refuses, a NUL in text, a timestamp
     * out of range) or 23 (integrity constraint violation, outside the writer's own duplicate handling), or a
     * runtime exception of the code with no database or I/O failure behind it. The same write fails again, so the
     * writer isolates the message(s) causing it.
     */
    DETERMINISTIC;

    private static final Set<String> DATA_CLASSES = Set.of("22", "23");

    /** Classifies a failure by the first SQLSTATE in its cause chain, else by what kind of failure it is. */
    public static FailureClass of(Throwable failure) {
        boolean infrastructure = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
                return DATA_CLASSES.contains(sql.getSQLState().substring(0, 2)) ? DETERMINISTIC : TRANSIENT;
            }
            infrastructure |= t instanceof SQLException || t instanceof IOException || t instanceof Error
                || t instanceof StoreException;
        }
        return infrastructure ? TRANSIENT : DETERMINISTIC;
    }
}

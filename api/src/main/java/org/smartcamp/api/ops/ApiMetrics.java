package org.smartcamp.api.ops;

import java.util.function.IntSupplier;

/** What the API counts and times. */
public interface ApiMetrics {
    /** One request answered: route template (or {@code unmatched}), method, status and duration. */
    void request(String route, String method, int status, long nanos);

    /** A request refused with 429. */
    void rateLimited();

    /** A credential refused with 401. */
    void authFailed();

    /** Audit entries written to the database. */
    void auditWritten(int entries);

    /**
     * Audited requests left without an entry: refused with 503 because the audit log had no free slot within the
     * admission wait, or an entry the database refused for its content. 0 while the database keeps up.
     */
    void auditDropped(int entries);

    /** Reports the audit queue's length. */
    void registerAuditQueue(IntSupplier length);
}

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

    /** Audit entries dropped because the queue was full while the database was away. */
    void auditDropped(int entries);

    /** Reports the audit queue's length. */
    void registerAuditQueue(IntSupplier length);
}

package org.smartcamp.api.store;

import java.time.Instant;

/**
 * One audited request: who ({@code key:<id>}, {@code jwt:<sub>} or {@code -}), when, what (method, path,
 * query), the answer (status, rows returned, whether it was an export) and from where.
 */
public record AuditEntry(Instant at, String principal, String role, String method, String path, String query,
                         int status, Integer rows, boolean export, String remote, long durationMs) {
}

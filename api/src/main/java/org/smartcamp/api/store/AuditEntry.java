package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * One audited request: who ({@code key:<id>}, {@code jwt:<sub>} or {@code -}), when, what (method, path,
 * query), the answer (status, rows returned, whether it was an export), from where (the client's address), and
 * the missions and camps it covered (both empty when it was tied to no mission).
 */
public record AuditEntry(Instant at, String principal, String role, String method, String path, String query,
                         int status, Integer rows, boolean export, String remote, long durationMs,
                         List<String> missions, List<String> camps) {
    public AuditEntry {
        missions = List.copyOf(missions);
        camps = List.copyOf(camps);
    }
}

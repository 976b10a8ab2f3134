package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * One audited request: who ({@code key:<id>}, {@code jwt:<sub>} or {@code -}), when, what (method, path,
 * query), the answer (status, rows returned, whether it was an export), from where (the client's address), and
 * the missions and camps it covered (both empty when it was tied to no mission), and the personal data it read
 * ({@link PersonalRead#NONE} for none).
 */
public record AuditEntry(Instant at, String principal, String role, String method, String path, String query,
                         int status, Integer rows, boolean export, String remote, long durationMs,
                         List<String> missions, List<String> camps, PersonalRead personal) {
    public AuditEntry {
        missions = List.copyOf(missions);
        camps = List.copyOf(camps);
        personal = personal == null ? PersonalRead.NONE : personal;
    }

    /**
     * The personal metrics (positions) a request read: which metrics, of which assets ({@code camp/asset}), over
     * which range ({@code from}, {@code to} null when it read none).
     */
    public record PersonalRead(List<String> metrics, List<String> assets, Instant from, Instant to) {
        /** No personal data. */
        public static final PersonalRead NONE = new PersonalRead(List.of(), List.of(), null, null);

        public PersonalRead {
            metrics = List.copyOf(metrics);
            assets = List.copyOf(assets);
        }
    }
}

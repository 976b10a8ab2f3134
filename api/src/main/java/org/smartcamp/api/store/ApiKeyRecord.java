package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/** A stored API key without its secret: id, name, role, scope, and when it was created, expires, was revoked. */
public record ApiKeyRecord(String id, String name, String role, List<String> missions, List<String> camps,
                           Instant createdAt, Instant expiresAt, Instant revokedAt) {

    public ApiKeyRecord {
        missions = List.copyOf(missions);
        camps = List.copyOf(camps);
    }

    /** Whether the key may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

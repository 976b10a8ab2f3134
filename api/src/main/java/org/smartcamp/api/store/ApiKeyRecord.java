package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored API key without its secret: id, name, role, scope, when it was created, expires, was revoked, and the
 * camps or missions it holds the {@code location} grant for (personal metrics; empty for none).
 */
public record ApiKeyRecord(String id, String name, String role, List<String> missions, List<String> camps,
                           Instant createdAt, Instant expiresAt, Instant revokedAt, List<String> location) {

    public ApiKeyRecord {
        missions = List.copyOf(missions);
        camps = List.copyOf(camps);
        location = List.copyOf(location);
    }

    /** A key without the {@code location} grant. */
    public ApiKeyRecord(String id, String name, String role, List<String> missions, List<String> camps,
                        Instant createdAt, Instant expiresAt, Instant revokedAt) {
        this(id, name, role, missions, camps, createdAt, expiresAt, revokedAt, List.of());
    }

    /** Whether the key may be used at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

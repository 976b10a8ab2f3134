package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.EventKind;

/**
 * The events one detector run decides about: those of {@code kinds} of {@code assetIds} (all of one camp) that
 * start in {@code [from, to)}. Storing a run replaces exactly these.
 */
public record EventScope(String campId, List<String> assetIds, Set<EventKind> kinds, Instant from, Instant to) {

    public EventScope {
        Objects.requireNonNull(campId, "campId");
        assetIds = List.copyOf(assetIds);
        kinds = Set.copyOf(kinds);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty event scope " + from + " .. " + to);
        }
    }

    /** Whether {@code event} belongs to this scope. */
    public boolean covers(DetectedEvent event) {
        return assetIds.contains(event.assetId()) && kinds.contains(event.kind()) && !event.start().isBefore(from)
            && event.start().isBefore(to);
    }
}

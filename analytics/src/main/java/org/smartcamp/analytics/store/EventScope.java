package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * The events one detector run decides about: those of {@code kinds} of {@code assetIds} (all of one camp) that
 * start in {@code [from, to)}. Its detections that start in {@code [contextFrom, from)}, in the context it read
 * before, may revise events stored there but neither add nor retract any.
 */
public record EventScope(String campId, List<String> assetIds, Set<EventKind> kinds, Instant contextFrom,
                         Instant from, Instant to) {

    public EventScope {
        Objects.requireNonNull(campId, "campId");
        assetIds = List.copyOf(assetIds);
        kinds = Set.copyOf(kinds);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty event scope " + from + " .. " + to);
        }
        if (contextFrom.isAfter(from)) {
            throw new IllegalArgumentException("context " + contextFrom + " starts after the scope " + from);
        }
    }

    /** A scope without context. */
    public EventScope(String campId, List<String> assetIds, Set<EventKind> kinds, Instant from, Instant to) {
        this(campId, assetIds, kinds, from, from, to);
    }

    /** Whether {@code event} belongs to this scope. */
    public boolean covers(DetectedEvent event) {
        return concerns(event) && !event.start().isBefore(from) && event.start().isBefore(to);
    }

    /** Whether {@code event} lies in the scope or its context. */
    public boolean reaches(DetectedEvent event) {
        return concerns(event) && !event.start().isBefore(contextFrom) && event.start().isBefore(to);
    }

    private boolean concerns(DetectedEvent event) {
        return assetIds.contains(event.assetId()) && kinds.contains(event.kind());
    }
}

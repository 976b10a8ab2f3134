package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * Events of these camps (already cut to the caller's scope), of these assets when the list is not empty, of
 * these kinds and statuses, overlapping {@code [from, to)}, continuing after {@code cursor}.
 */
public record EventQuery(List<String> camps, List<String> assets, List<String> kinds, List<String> statuses,
                         Instant from, Instant to, List<String> cursor, int limit) {
    /** Events that later data has not disproved: what every listing shows unless asked otherwise. */
    public static final List<String> ACTIVE = List.of("active");

    public EventQuery {
        camps = List.copyOf(camps);
        assets = List.copyOf(assets);
        kinds = List.copyOf(kinds);
        statuses = List.copyOf(statuses);
        cursor = cursor == null ? null : List.copyOf(cursor);
    }

    /** Active events only. */
    public EventQuery(List<String> camps, List<String> assets, List<String> kinds, Instant from, Instant to,
                      List<String> cursor, int limit) {
        this(camps, assets, kinds, ACTIVE, from, to, cursor, limit);
    }
}

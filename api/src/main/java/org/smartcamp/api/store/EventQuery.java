package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * Events of these camps (already cut to the caller's scope), of these assets when the list is not empty, of
 * these kinds, overlapping {@code [from, to)}, continuing after {@code cursor}.
 */
public record EventQuery(List<String> camps, List<String> assets, List<String> kinds, Instant from, Instant to,
                         List<String> cursor, int limit) {

    public EventQuery {
        camps = List.copyOf(camps);
        assets = List.copyOf(assets);
        kinds = List.copyOf(kinds);
        cursor = cursor == null ? null : List.copyOf(cursor);
    }
}

package org.smartcamp.api.store;

import java.time.Instant;
import java.util.List;

/**
 * What to read: these assets and metrics (storage refs and ids) over {@code [from, to)}, raw when
 * {@code bucket} is null, continuing after {@code cursor} (the key the previous page returned, or null).
 */
public record ReadingsQuery(List<Integer> assetRefs, List<Integer> metricIds, Instant from, Instant to,
                            Bucket bucket, List<String> cursor, int limit) {

    public ReadingsQuery {
        assetRefs = List.copyOf(assetRefs);
        metricIds = List.copyOf(metricIds);
        cursor = cursor == null ? null : List.copyOf(cursor);
    }
}

package org.smartcamp.analytics.fuel;

import java.time.Instant;

/**
 * Litres burned in one time bucket.
 *
 * @param start    bucket start (UTC)
 * @param end      bucket end
 * @param litres   litres burned; NaN when nothing of the bucket is covered (a gap is never read as zero)
 * @param coverage share of the bucket whose litres are measured (0..1): a counter's gap inside the bucket still
 *                 counts (its delta is exact), a gap that crosses the bucket's edge or an estimated stretch does
 *                 not
 * @param source   where the figure comes from
 */
public record ConsumptionBucket(Instant start, Instant end, double litres, double coverage,
                                ConsumptionSource source) {
}

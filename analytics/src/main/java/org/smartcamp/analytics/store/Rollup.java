package org.smartcamp.analytics.store;

import java.time.Instant;

/**
 * One hourly or daily rollup row of one asset's metric: readings in {@code [bucket, bucket + width)}.
 *
 * @param first the value of the earliest reading in the bucket (by event time)
 * @param last  the value of the latest reading in the bucket
 */
public record Rollup(Instant bucket, long samples, double avg, double min, double max, double first, double last) {
}

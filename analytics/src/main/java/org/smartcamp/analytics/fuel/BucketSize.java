package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** UTC time buckets for consumption figures. */
public enum BucketSize {
    HOUR, DAY, MONTH;

    /** The start of the bucket holding {@code t}. */
    public Instant floor(Instant t) {
        return switch (this) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> ZonedDateTime.ofInstant(t, ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                .toInstant();
        };
    }

    /** The start of the bucket after the one starting at {@code bucketStart}. */
    public Instant next(Instant bucketStart) {
        return switch (this) {
            case HOUR -> bucketStart.plus(1, ChronoUnit.HOURS);
            case DAY -> bucketStart.plus(1, ChronoUnit.DAYS);
            case MONTH -> ZonedDateTime.ofInstant(bucketStart, ZoneOffset.UTC).plusMonths(1).toInstant();
        };
    }
}

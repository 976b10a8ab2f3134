package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.time.Instant;

/**
 * A run of readings that did not change for longer than the sensor's noise allows.
 *
 * @param start   first reading of the run
 * @param end     last reading of the run
 * @param value   the value it stuck at
 * @param samples readings in the run
 */
public record Flatline(Instant start, Instant end, double value, int samples) {

    /** Length of the run. */
    public Duration length() {
        return Duration.between(start, end);
    }
}

package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch with readings missing: from when the next reading was due to when one came (or the time of the check,
 * for a sensor still silent).
 *
 * @param start  when the first missing reading was due
 * @param end    when readings resumed, or the time of the check
 * @param open   whether the sensor is still silent
 */
public record Gap(Instant start, Instant end, boolean open) {

    /** Length of the gap. */
    public Duration length() {
        return Duration.between(start, end);
    }
}

package org.smartcamp.analytics.series;

/**
 * How a sampled signal is read between its samples. A sample holds its value until the next one when that comes
 * within {@code maxGapMs} (measured time). A longer silence is a gap: the last sample still holds for its usual
 * reporting interval, and the rest of the gap, up to {@code maxBridgeMs}, is bridged with the mean of the values on
 * both sides (known but not measured; for a 0/1 state that splits the gap when the state changed). Beyond
 * {@code maxBridgeMs} a gap is unknown. A gap is never read as zero.
 *
 * @param maxGapMs    longest spacing still read as continuous measurement
 * @param maxBridgeMs longest gap bridged by interpolation (0: never bridge)
 */
public record GapPolicy(long maxGapMs, long maxBridgeMs) {

    public GapPolicy {
        if (maxGapMs <= 0) {
            throw new IllegalArgumentException("maxGapMs must be positive: " + maxGapMs);
        }
        if (maxBridgeMs < 0) {
            throw new IllegalArgumentException("maxBridgeMs must not be negative: " + maxBridgeMs);
        }
    }
}

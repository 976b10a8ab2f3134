package org.smartcamp.analytics.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a stage's watermark may move after a scan, so that no reading is ever missed. A reading is found by
 * the next scan when its {@code received_at} is after the new mark. The new mark is therefore never later than
 * the latest arrival actually seen (a single ingest commits its batches in arrival order, so nothing older can
 * still be on its way), and never later than {@code now - lag} (several ingest replicas, or one retrying a
 * batch, may commit a reading up to {@code lag} after its {@code received_at}). The price: the last {@code lag}
 * of arrivals is looked at again by the next scan, which is idempotent.
 */
public final class WatermarkPolicy {
    private final Duration lag;

    /** @param lag the longest a reading may take from its {@code received_at} to its commit */
    public WatermarkPolicy(Duration lag) {
        if (lag.isNegative()) {
            throw new IllegalArgumentException("lag must not be negative: " + lag);
        }
        this.lag = lag;
    }

    public Duration lag() {
        return lag;
    }

    /**
     * The next mark: {@code max(current, min(now - lag, latestSeen))}; {@code current} when nothing was seen.
     */
    public Instant next(Instant current, Instant latestSeen, Instant now) {
        if (latestSeen == null) {
            return current;
        }
        Instant safe = now.minus(lag);
        Instant candidate = latestSeen.isBefore(safe) ? latestSeen : safe;
        return candidate.isAfter(current) ? candidate : current;
    }
}

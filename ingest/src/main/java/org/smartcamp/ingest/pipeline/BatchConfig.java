package org.smartcamp.ingest.pipeline;

import java.time.Duration;

/**
 * When a batch is committed: when it holds {@code maxReadings} readings, or {@code maxDelay} after its first
 * message arrived, whichever comes first.
 *
 * @param maxReadings  readings that close a batch
 * @param maxDelay     longest a reading waits before its batch is committed
 * @param retryBackoff first wait before retrying a failed commit (doubles up to 30 s)
 */
public record BatchConfig(int maxReadings, Duration maxDelay, Duration retryBackoff) {

    /** Defaults: 5,000 readings or 200 ms; retry after 500 ms. */
    public static final BatchConfig DEFAULTS = new BatchConfig(5_000, Duration.ofMillis(200), Duration.ofMillis(500));

    public BatchConfig {
        if (maxReadings < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (maxDelay.isNegative() || maxDelay.isZero() || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("batch delay and retry backoff must be positive");
        }
    }
}

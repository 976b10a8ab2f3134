package org.smartcamp.ingest.pipeline;

import java.time.Duration;

/**
 * When a batch is committed: when it holds {@code maxReadings} readings, or {@code maxDelay} after its first
 * message arrived, whichever comes first; and when the ingest counts as stuck.
 *
 * @param maxReadings  readings that close a batch
 * @param maxDelay     longest a reading waits before its batch is committed
 * @param retryBackoff first wait before retrying a failed commit (doubles up to 30 s)
 * @param stuckAfter   how long messages may wait with no commit before the ingest reports itself stuck
 *                     (readiness DOWN)
 * @param writers      batches whose transactions may be open at once, each writing its readings on a connection of
 *                     its own (they still commit one at a time, in order); 1 writes one batch at a time
 */
public record BatchConfig(int maxReadings, Duration maxDelay, Duration retryBackoff, Duration stuckAfter,
                          int writers) {

    /** Default of {@link #stuckAfter}: well above the 30 s retry backoff, well below an operator's patience. */
    public static final Duration DEFAULT_STUCK_AFTER = Duration.ofMinutes(2);

    /**
     * Default of {@link #writers}: with three batches written at once the database works on the next while one
     * commits, and on two cores the chain ran faster than with one or two (docs/benchmarks.md).
     */
    public static final int DEFAULT_WRITERS = 3;

    /** Defaults: 5,000 readings or 200 ms; retry after 500 ms; stuck after 2 minutes without a commit. */
    public static final BatchConfig DEFAULTS = new BatchConfig(5_000, Duration.ofMillis(200), Duration.ofMillis(500));

    /** With the default {@link #stuckAfter}. */
    public BatchConfig(int maxReadings, Duration maxDelay, Duration retryBackoff) {
        this(maxReadings, maxDelay, retryBackoff, DEFAULT_STUCK_AFTER);
    }

    /** With the default {@link #writers}. */
    public BatchConfig(int maxReadings, Duration maxDelay, Duration retryBackoff, Duration stuckAfter) {
        this(maxReadings, maxDelay, retryBackoff, stuckAfter, DEFAULT_WRITERS);
    }

    public BatchConfig {
        if (maxReadings < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (maxDelay.isNegative() || maxDelay.isZero() || retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("batch delay and retry backoff must be positive");
        }
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1");
        }
        if (stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("stuckAfter must be positive");
        }
    }
}

package org.smartcamp.ingest.wire;

import java.time.Duration;

/**
 * The limits the wire contract states and the decoder enforces.
 *
 * @param maxPayloadBytes       largest accepted payload
 * @param maxReadingsPerMessage most readings (or SenML records) in one message
 * @param maxAge                oldest accepted event time, relative to arrival (gateway backlogs are days old)
 * @param maxFutureSkew         furthest accepted event time in the future (gateway clock skew)
 * @param maxAbsValue           largest accepted absolute value
 */
public record WireLimits(int maxPayloadBytes, int maxReadingsPerMessage, Duration maxAge, Duration maxFutureSkew,
                         double maxAbsValue) {

    /**
     * Widest allowed timestamp window on either side of arrival: every time the contract accepts must fit
     * PostgreSQL's {@code timestamptz} (years 4713 BC to 294276 AD), with room to spare.
     */
    public static final Duration MAX_WINDOW = Duration.ofDays(36_500);

    /** The limits of wire contract v1 (docs/wire-protocol.md). */
    public static final WireLimits V1 = new WireLimits(256 * 1024, 5_000, Duration.ofDays(90), Duration.ofMinutes(5),
        1e12);

    public WireLimits {
        if (maxPayloadBytes <= 0 || maxReadingsPerMessage <= 0 || maxAbsValue <= 0) {
            throw new IllegalArgumentException("wire limits must be positive");
        }
        if (maxAge.isNegative() || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("timestamp window must not be negative");
        }
        if (maxAge.compareTo(MAX_WINDOW) > 0 || maxFutureSkew.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("timestamp window must not exceed " + MAX_WINDOW.toDays() + " days");
        }
    }
}

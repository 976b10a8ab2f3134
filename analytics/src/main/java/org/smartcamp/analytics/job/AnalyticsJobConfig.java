package org.smartcamp.analytics.job;

import java.time.Duration;
import java.util.Objects;

/**
 * How the analytics job runs.
 *
 * @param interval         time between passes; each pass brings the rollups up to date
 * @param analysisInterval least time between two runs of the analyzers (a pass runs them when this much has
 *                         passed since the last run)
 * @param lag              the longest a reading may take from its {@code received_at} to its commit (several ingest
 *                         replicas, a batch retried); the watermarks stay this far behind the clock
 * @param maxLateness      how much older than its arrival a reading may be (the ingest's {@code wire.maxAge})
 * @param maxBackoff       longest wait between passes after failures (the wait doubles from {@code interval})
 */
public record AnalyticsJobConfig(Duration interval, Duration analysisInterval, Duration lag, Duration maxLateness,
                                 Duration maxBackoff) {

    /** The defaults documented in docs/configuration.md. */
    public static final AnalyticsJobConfig DEFAULTS = new AnalyticsJobConfig(Duration.ofSeconds(30),
        Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofDays(90), Duration.ofMinutes(5));

    public AnalyticsJobConfig {
        positive(interval, "interval");
        positive(analysisInterval, "analysisInterval");
        positive(maxLateness, "maxLateness");
        positive(maxBackoff, "maxBackoff");
        if (Objects.requireNonNull(lag, "lag").isNegative()) {
            throw new IllegalArgumentException("lag must not be negative: " + lag);
        }
    }

    private static void positive(Duration d, String name) {
        if (Objects.requireNonNull(d, name).isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}

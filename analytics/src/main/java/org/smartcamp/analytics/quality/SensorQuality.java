package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.smartcamp.analytics.power.CoveredValue;

/**
 * Data quality of one sensor (an asset's metric) over {@code [from, to)}, checked at {@code asOf}.
 *
 * @param assetId            the asset
 * @param metric             the metric
 * @param from               period start
 * @param to                 period end (exclusive)
 * @param asOf               time of the check (staleness is measured to it)
 * @param expectedInterval   the reporting interval expected (configured, else the median spacing); {@code null}
 *                           when neither is known
 * @param intervalConfigured whether it was configured
 * @param received           readings in the period
 * @param expected           readings the interval expects in the period
 * @param completeness       {@code received / expected} (at most 1); unknown without an interval
 * @param lastSeen           the last reading at or before {@code asOf}, or {@code null}
 * @param lastSeenAge        {@code asOf - lastSeen}, or {@code null}
 * @param stale              whether it has been silent longer than its stale threshold
 * @param gaps               the gaps of the period (and a trailing one up to {@code asOf})
 * @param flatlines          the flat-lined runs
 */
public record SensorQuality(String assetId, String metric, Instant from, Instant to, Instant asOf,
                            Duration expectedInterval, boolean intervalConfigured, long received, long expected,
                            CoveredValue completeness, Instant lastSeen, Duration lastSeenAge, boolean stale,
                            List<Gap> gaps, List<Flatline> flatlines) {

    public SensorQuality {
        gaps = List.copyOf(gaps);
        flatlines = List.copyOf(flatlines);
    }
}

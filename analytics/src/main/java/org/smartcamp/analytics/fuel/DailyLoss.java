package org.smartcamp.analytics.fuel;

import java.time.Instant;

/**
 * A tank's unexplained loss on one UTC day: the slope of its balance (level plus expected outflow) over the
 * day's readings outside refuels, transfers and thefts, as litres per day.
 *
 * @param day          the day's start (UTC midnight)
 * @param litresPerDay the unexplained loss rate (positive: fuel disappearing); NaN when the day has too little data
 * @param sd           its standard deviation, including the consumption model's tolerance
 * @param throughputL  the outflow expected that day
 * @param coverage     share of the day with readings used (0..1)
 * @param cusum        the CUSUM statistic after the day (in standard deviations)
 */
public record DailyLoss(Instant day, double litresPerDay, double sd, double throughputL, double coverage,
                        double cusum) {
}

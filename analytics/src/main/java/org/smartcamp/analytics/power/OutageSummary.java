package org.smartcamp.analytics.power;

/**
 * Availability of the camp's power over a period.
 *
 * @param outages       outages (OUTAGE events) that began in the period
 * @param uptimeHours   hours with power
 * @param downtimeHours hours without
 * @param availability  {@code uptime / (uptime + downtime)}, covered by the share of the period with a verdict
 * @param mtbfHours     mean time between failures, {@code uptime / outages}; {@code null} without outages
 * @param mttrHours     mean time to repair, {@code downtime / outages}; {@code null} without outages
 */
public record OutageSummary(int outages, double uptimeHours, double downtimeHours, CoveredValue availability,
                            Double mtbfHours, Double mttrHours) {
}

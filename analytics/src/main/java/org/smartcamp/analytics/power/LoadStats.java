package org.smartcamp.analytics.power;

/**
 * Statistics of the camp's load (kW, one value per grid cell with known load).
 *
 * @param meanKw    mean
 * @param p95Kw     95th percentile
 * @param p99Kw     99th percentile
 * @param sizingKw  the percentile the sizing rule uses ({@code power.sizingPercentile})
 * @param maxKw     maximum
 * @param coverage  share of the period with known load
 */
public record LoadStats(double meanKw, double p95Kw, double p99Kw, double sizingKw, double maxKw, double coverage) {
}

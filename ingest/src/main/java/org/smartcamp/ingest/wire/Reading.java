package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * One measured value of one metric of one asset at one event time. Its identity in the store is
 * (asset, metric, ts): a reading that arrives twice is stored once.
 *
 * @param asset   globally unique asset id, e.g. {@code juba1-gen-1}
 * @param metric  metric name from the catalogue, e.g. {@code power.active}
 * @param ts      event time (when it was measured, not when it arrived)
 * @param value   finite value in the metric's unit
 * @param unit    unit as sent, or {@code null} when the gateway left it out (the metric's unit applies)
 * @param quality the gateway's quality flag
 */
public record Reading(String asset, String metric, Instant ts, double value, String unit, Quality quality) {

    public Reading {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(quality, "quality");
    }

    /** A good-quality reading without an explicit unit. */
    public static Reading of(String asset, String metric, Instant ts, double value) {
        return new Reading(asset, metric, ts, value, null, Quality.GOOD);
    }
}

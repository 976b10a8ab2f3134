package org.smartcamp.analytics.assets;

import java.time.Instant;
import org.smartcamp.analytics.power.CoveredValue;

/**
 * An asset's usage over one period, each figure with its coverage.
 *
 * @param start              period start
 * @param end                period end (exclusive)
 * @param engineHours        engine (running) hours
 * @param idleHours          hours idling (engine on, not moving); unknown for generators
 * @param utilizationPct     {@code 100 * engineHours / availableHours}
 * @param idleRatio          {@code idleHours / engineHours}
 * @param distanceKm         distance driven
 * @param fuelL              fuel used
 * @param litresPer100Km     {@code 100 * fuel / km}
 * @param litresPerEngineHour {@code fuel / engineHours}
 * @param idleLitres         {@code idleHours * idle rate}
 */
public record AssetBucket(Instant start, Instant end, CoveredValue engineHours, CoveredValue idleHours,
                          CoveredValue utilizationPct, CoveredValue idleRatio, CoveredValue distanceKm,
                          CoveredValue fuelL, CoveredValue litresPer100Km, CoveredValue litresPerEngineHour,
                          CoveredValue idleLitres) {
}

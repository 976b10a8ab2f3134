package org.smartcamp.analytics.assets;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smartcamp.analytics.power.SettingsReader;

/**
 * Constants of the asset-utilization analytics, with documented defaults (docs/analytics-power.md) and overridable
 * per camp or asset through flat {@code asset.*} keys.
 *
 * @param idleLitresPerHour     idle consumption used when neither the asset nor its data give one (heavy diesel)
 * @param availableHoursPerDay  hours a day the asset is available for work (utilization's denominator)
 * @param vehicleServiceHours   engine hours between services of a vehicle without its own interval
 * @param generatorServiceHours engine hours between services of a generator without its own interval
 * @param minActiveHoursPerDay  engine hours that make a day a day of use
 * @param minDayCoverage        share of a day's data needed to call it unused
 * @param idleSpeedKmh          speed at or below which a running vehicle idles (without an idle-hours counter)
 * @param idleFitMinHours       hours with both idling and driving needed to measure the idle rate from the data
 * @param idleFitMinR2          least goodness of fit of that measurement
 * @param maxGap                longest spacing read as continuous
 * @param maxBridge             longest gap bridged
 */
public record AssetSettings(double idleLitresPerHour, double availableHoursPerDay, double vehicleServiceHours,
                            double generatorServiceHours, double minActiveHoursPerDay, double minDayCoverage,
                            double idleSpeedKmh, int idleFitMinHours, double idleFitMinR2, Duration maxGap,
                            Duration maxBridge) {
    /** Every key with its default. */
    public static final Map<String, String> DEFAULTS = defaultTexts();

    /** The defaults. */
    public static AssetSettings defaults() {
        return of();
    }

    /**
     * The defaults overridden by {@code layers} in order; keys not starting with {@code asset.} are ignored.
     *
     * @throws org.smartcamp.analytics.power.SettingsException for an unknown {@code asset.} key or a bad value
     */
    @SafeVarargs
    public static AssetSettings of(Map<String, String>... layers) {
        SettingsReader r = new SettingsReader("asset.", DEFAULTS, layers);
        return new AssetSettings(r.number("idleLitresPerHour", 0, 100), r.number("availableHoursPerDay", 0.1, 24),
            r.number("vehicleServiceIntervalHours", 1, 1e5), r.number("generatorServiceIntervalHours", 1, 1e5),
            r.number("minActiveHoursPerDay", 0, 24), r.number("minDayCoverage", 0, 1),
            r.number("idleSpeedKmh", 0, 50), r.integer("idleFitMinHours", 2, 100_000), r.number("idleFitMinR2", 0, 1),
            r.duration("maxGap"), r.duration("maxBridge"));
    }

    private static Map<String, String> defaultTexts() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("asset.idleLitresPerHour", "3");
        d.put("asset.availableHoursPerDay", "24");
        d.put("asset.vehicleServiceIntervalHours", "250");
        d.put("asset.generatorServiceIntervalHours", "500");
        d.put("asset.minActiveHoursPerDay", "0.05");
        d.put("asset.minDayCoverage", "0.5");
        d.put("asset.idleSpeedKmh", "1");
        d.put("asset.idleFitMinHours", "12");
        d.put("asset.idleFitMinR2", "0.9");
        d.put("asset.maxGap", "5m");
        d.put("asset.maxBridge", "6h");
        return Collections.unmodifiableMap(d);
    }
}

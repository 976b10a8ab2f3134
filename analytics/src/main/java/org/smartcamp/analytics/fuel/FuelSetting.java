package org.smartcamp.analytics.fuel;

import java.util.Locale;
import org.smartcamp.analytics.power.SettingsException;

/**
 * Every tunable constant of the fuel analytics: its key (as camp or asset settings name it), default, unit,
 * allowed range and meaning. {@code docs/analytics-fuel.md} lists them; a test keeps that table in step.
 */
public enum FuelSetting {
    REFUEL_MIN_LITRES("fuel.refuelMinLitres", 20, 0, 1e7, "L", "smallest rise taken as a refuel"),
    REFUEL_MIN_FRACTION("fuel.refuelMinFraction", 0.02, 0, 1, "1",
        "smallest rise taken as a refuel, as a share of the tank's capacity (the larger of the two applies)"),
    REFUEL_WINDOW_MINUTES("fuel.refuelWindowMinutes", 30, 1, 1440, "min",
        "a refuel must rise by the minimum within this time"),
    REFUEL_MERGE_MINUTES("fuel.refuelMergeMinutes", 20, 0, 1440, "min",
        "rises (or drops) closer than this are one event"),
    STABLE_WINDOW_MINUTES("fuel.stableWindowMinutes", 30, 1, 1440, "min",
        "length of the quiet windows before and after an event whose medians give its size"),
    STABLE_MIN_READINGS("fuel.stableMinReadings", 6, 1, 1000, "count",
        "a quiet window is widened until it holds at least this many readings"),
    STABLE_SEARCH_MINUTES("fuel.stableSearchMinutes", 240, 0, 2880, "min",
        "how far from an event a quiet window may be looked for (sloshing, dropouts, stuck sensors)"),
    STABLE_SPREAD_FACTOR("fuel.stableSpreadFactor", 2.5, 1, 100, "1",
        "a window is quiet when its robust spread is at most this many times the sensor's noise"),
    SMOOTHING_MINUTES("fuel.smoothingMinutes", 15, 0, 240, "min",
        "half width of the running median used to find (never to measure) events"),
    SPIKE_FACTOR("fuel.spikeFactor", 6, 2, 100, "1",
        "a reading further than this many noise deviations from its running median is a spike and dropped"),
    STUCK_MIN_READINGS("fuel.stuckMinReadings", 4, 2, 1000, "count",
        "this many identical readings in a row are a stuck sensor; all but the first are dropped"),
    GAP_FACTOR("fuel.gapFactor", 3, 1, 1000, "1",
        "an interval between readings longer than this many typical intervals is a gap"),
    MAX_GAP_HOURS("fuel.maxGapHours", 12, 0, 720, "h",
        "longest gap across which a level step is still measured"),
    DETECTION_Z("fuel.detectionZ", 5, 1, 100, "1",
        "an event must exceed this many standard deviations of its own measurement noise"),
    THEFT_MIN_LITRES("fuel.theftMinLitres", 20, 0, 1e7, "L", "smallest unexplained loss reported as a theft or drain"),
    THEFT_MIN_FRACTION("fuel.theftMinFraction", 0, 0, 1, "1",
        "smallest theft as a share of capacity (the larger of the two applies; 0.01-0.02 is common)"),
    THEFT_WINDOW_MINUTES("fuel.theftWindowMinutes", 60, 1, 1440, "min",
        "a theft must lose its litres within this time"),
    MODEL_TOLERANCE("fuel.modelTolerance", 0.02, 0, 1, "1",
        "share of the expected outflow in a window allowed as error of the consumption model"),
    THERMAL_EXPANSION_PER_DEGC("fuel.thermalExpansionPerDegC", 0.0008, 0, 0.01, "1/degC",
        "volume change of diesel per degree"),
    THERMAL_MAX_DEGC_PER_HOUR("fuel.thermalMaxDegCPerHour", 1, 0, 50, "degC/h",
        "fuel temperature change assumed when the tank reports no temperature"),
    LEAK_MIN_LITRES_PER_DAY("fuel.leakMinLitresPerDay", 10, 0, 1e6, "L/day",
        "smallest sustained unexplained loss to alarm on; the CUSUM reference is half of it"),
    LEAK_CUSUM_H("fuel.leakCusumH", 5, 0.5, 100, "sd", "CUSUM decision threshold in standard deviations"),
    LEAK_MODEL_TOLERANCE("fuel.leakModelTolerance", 0.005, 0, 1, "1",
        "share of the day's throughput added to the daily loss's standard deviation (model error)"),
    LEAK_MIN_COVERAGE("fuel.leakMinCoverage", 0.5, 0, 1, "1", "days with less coverage are skipped by the CUSUM"),
    SHORT_FILL_TOLERANCE("fuel.shortFillTolerance", 0.02, 0, 1, "1",
        "a refuel measured this share below its delivery note is a short fill"),
    DELIVERY_MATCH_HOURS("fuel.deliveryMatchHours", 12, 0, 720, "h",
        "a delivery note matches a refuel within this time"),
    DOS_LOOKBACK_DAYS("fuel.dosLookbackDays", 7, 1, 90, "day", "days of history the burn-rate regression uses"),
    DOS_INTERVAL_Z("fuel.dosIntervalZ", 1.96, 0, 10, "1",
        "half width of the days-of-supply interval in standard errors"),
    LEAD_TIME_DAYS("fuel.leadTimeDays", 7, 0, 365, "day", "days from ordering fuel to its delivery"),
    SAFETY_DAYS("fuel.safetyDays", 3, 0, 365, "day", "reserve kept on top of the lead time"),
    CO2_KG_PER_LITRE("fuel.co2KgPerLitre", 2.68, 0, 10, "kg/L", "CO2 per litre of diesel burned"),
    IDLE_LITRES_PER_HOUR("fuel.idleLitresPerHour", 3, 0, 100, "L/h",
        "a vehicle's idle consumption when it has no fuel counter"),
    FUEL_CURVE_F0("fuel.curveF0", 0.08145, 0, 1, "L/h/kW", "no-load fuel per rated kW when the asset has no curve"),
    FUEL_CURVE_F1("fuel.curveF1", 0.246, 0, 2, "L/kWh", "fuel per kWh out when the asset has no curve");

    private final String key;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final String unit;
    private final String meaning;

    FuelSetting(String key, double defaultValue, double min, double max, String unit, String meaning) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.meaning = meaning;
    }

    /** The key in camp or asset settings, e.g. {@code fuel.theftMinLitres}. */
    public String key() {
        return key;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public String unit() {
        return unit;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * The setting named {@code key}.
     *
     * @throws SettingsException naming the key when there is none
     */
    public static FuelSetting ofKey(String key) {
        for (FuelSetting s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new SettingsException("unknown fuel setting '" + key + "'"
            + (key.toLowerCase(Locale.ROOT).startsWith("fuel.") ? "" : " (fuel settings start with 'fuel.')"));
    }
}

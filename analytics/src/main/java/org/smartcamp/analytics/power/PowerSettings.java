package org.smartcamp.analytics.power;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constants of the power analytics, with documented defaults (docs/analytics-power.md) and overridable
 * per camp or asset through flat {@code power.*} keys.
 *
 * @param bands  load-factor bands
 * @param events when a band becomes an event
 * @param fuel   specific fuel consumption and the low-load penalty
 * @param sizing right-sizing, N+1 and consolidation
 * @param signal how readings are cleaned and read between samples
 */
public record PowerSettings(LoadBands bands, EventRules events, FuelRules fuel, SizingRules sizing,
                            SignalRules signal) {
    /** Every key with its default. */
    public static final Map<String, String> DEFAULTS = defaultTexts();

    /**
     * Load-factor bands (fractions of rated kW): above {@code highLoad} and up to {@code overload} (the rating) is
     * the high-load band, healthy for a diesel set; above {@code overload} the set runs beyond its rating.
     */
    public record LoadBands(double targetMin, double targetMax, double lowLoad, double wetStacking, double highLoad,
                            double overload) {
    }

    /**
     * When running above the rating is an OVERLOAD: the rating's class, a tolerance for the power meter's accuracy
     * (a smoothed load within {@code overload + tolerance} is within the rating), and the prime-power allowance.
     */
    public record RatingRules(RatingClass ratingClass, double tolerance, double primeOverload,
                              Duration primeOverloadTime, Duration primeOverloadWindow) {
    }

    /** Minimum durations, smoothing and merging of LOW_LOAD and OVERLOAD periods, and the rating's rules. */
    public record EventRules(Duration lowLoadMin, Duration wetStackingMin, Duration overloadMin, Duration smoothing,
                             Duration mergeGap, RatingRules rating) {
    }

    /**
     * SFC degradation rule, the reference load factor of the low-load penalty and the fuel curve used when an asset
     * has none.
     */
    public record FuelRules(double referenceLoadFactor, double degradationRatio, int degradationDays,
                            double minRunHoursPerDay, double defaultF0, double defaultF1) {
    }

    /** Right-sizing / N+1 rules and the standard unit sizes considered. */
    public record SizingRules(double factor, double percentile, Duration window, double downsizeLoadFactor,
                              double minCoverage, List<Double> standardSizesKw, int maxUnits) {
    }

    /**
     * Resampling grid, gap handling, running detection, spike filter and camp supply thresholds (a source supplies
     * above the larger of {@code supplyThresholdKw} and its own rest level plus {@code supplyNoiseSigmas} robust
     * sigmas of its noise, measured over its readings within {@code supplyRestBand} of its rating of zero).
     */
    public record SignalRules(Duration cell, Duration maxGap, Duration maxBridge, double runningThreshold,
                              double maxLoadFactor, int spikeHalfWindow, double spikeSigmas, double spikeMinScale,
                              double histogramBinWidth, double supplyThresholdKw, double supplyNoiseSigmas,
                              double supplyRestBand, Duration outageMin, double batteryEfficiency) {
    }

    /** The defaults. */
    public static PowerSettings defaults() {
        return of();
    }

    /**
     * The defaults overridden by {@code layers} in order (e.g. camp then asset); keys not starting with
     * {@code power.} are ignored.
     *
     * @throws SettingsException for an unknown {@code power.} key or an unusable value
     */
    @SafeVarargs
    public static PowerSettings of(Map<String, String>... layers) {
        SettingsReader r = new SettingsReader("power.", DEFAULTS, layers);
        LoadBands bands = new LoadBands(r.number("targetLoadFactorMin", 0, 1.5),
            r.number("targetLoadFactorMax", 0, 1.5), r.number("lowLoadThreshold", 0, 1.5),
            r.number("wetStackingThreshold", 0, 1.5), r.number("highLoadThreshold", 0, 2),
            r.number("overloadThreshold", 0, 2));
        if (!(bands.wetStacking() <= bands.lowLoad() && bands.lowLoad() <= bands.targetMin()
                && bands.targetMin() <= bands.targetMax() && bands.targetMax() <= bands.highLoad()
                && bands.highLoad() <= bands.overload())) {
            throw new SettingsException("power load-factor bands must satisfy wetStackingThreshold <= "
                + "lowLoadThreshold <= targetLoadFactorMin <= targetLoadFactorMax <= highLoadThreshold <= "
                + "overloadThreshold");
        }
        EventRules events = new EventRules(r.duration("lowLoadMinDuration"), r.duration("wetStackingMinDuration"),
            r.duration("overloadMinDuration"), r.duration("eventSmoothing"), r.duration("eventMergeGap"),
            rating(r));
        FuelRules fuel = new FuelRules(r.number("referenceLoadFactor", 0.05, 1.5),
            r.number("sfcDegradationRatio", 0, 10), r.integer("sfcDegradationDays", 1, 365),
            r.number("sfcMinRunHours", 0, 24), r.number("defaultF0", 0, 1), r.number("defaultF1", 0, 1));
        SizingRules sizing = new SizingRules(r.number("sizingFactor", 0.1, 1), r.number("sizingPercentile", 50, 100),
            r.duration("sizingWindow"), r.number("downsizeLoadFactor", 0, 1), r.number("sizingMinCoverage", 0, 1),
            r.positiveNumbers("standardSizesKw"), r.integer("maxUnits", 1, 16));
        return new PowerSettings(bands, events, fuel, sizing, signal(r));
    }

    private static RatingRules rating(SettingsReader r) {
        RatingClass ratingClass = RatingClass.parse(r.text("ratingClass"))
            .orElseThrow(() -> r.bad("ratingClass", "must be one of " + RatingClass.names()));
        RatingRules rules = new RatingRules(ratingClass, r.number("overloadTolerance", 0, 0.2),
            r.number("primeOverload", 0, 1), r.duration("primeOverloadTime"), r.duration("primeOverloadWindow"));
        if (rules.primeOverloadTime().compareTo(rules.primeOverloadWindow()) > 0) {
            throw r.bad("primeOverloadTime", "must not be longer than power.primeOverloadWindow");
        }
        return rules;
    }

    private static SignalRules signal(SettingsReader r) {
        Duration cell = r.duration("cell");
        if (Duration.ofHours(1).toMillis() % cell.toMillis() != 0) {
            throw r.bad("cell", "must divide an hour");
        }
        return new SignalRules(cell, r.duration("maxGap"), r.duration("maxBridge"),
            r.number("runningThreshold", 0, 1), r.number("maxLoadFactor", 1, 5), r.integer("spikeHalfWindow", 1, 50),
            r.number("spikeSigmas", 1, 100), r.number("spikeMinScale", 0, 1), r.number("histogramBinWidth", 0.01, 0.5),
            r.number("supplyThresholdKw", 0, 1e6), r.number("supplyNoiseSigmas", 0, 100),
            r.number("supplyRestBand", 0, 1), r.duration("outageMinDuration"),
            r.number("batteryEfficiency", 0.5, 1));
    }

    private static Map<String, String> defaultTexts() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("power.targetLoadFactorMin", "0.6");
        d.put("power.targetLoadFactorMax", "0.8");
        d.put("power.lowLoadThreshold", "0.4");
        d.put("power.wetStackingThreshold", "0.3");
        d.put("power.highLoadThreshold", "0.9");
        d.put("power.overloadThreshold", "1.0");
        d.put("power.ratingClass", "prime");
        d.put("power.overloadTolerance", "0.02");
        d.put("power.primeOverload", "0.1");
        d.put("power.primeOverloadTime", "1h");
        d.put("power.primeOverloadWindow", "12h");
        d.put("power.lowLoadMinDuration", "2h");
        d.put("power.wetStackingMinDuration", "4h");
        d.put("power.overloadMinDuration", "10m");
        d.put("power.eventSmoothing", "15m");
        d.put("power.eventMergeGap", "15m");
        d.put("power.referenceLoadFactor", "0.75");
        d.put("power.sfcDegradationRatio", "0.10");
        d.put("power.sfcDegradationDays", "3");
        d.put("power.sfcMinRunHours", "4");
        d.put("power.defaultF0", "0.08145");
        d.put("power.defaultF1", "0.246");
        d.put("power.sizingFactor", "0.8");
        d.put("power.sizingPercentile", "99");
        d.put("power.sizingWindow", "30d");
        d.put("power.downsizeLoadFactor", "0.4");
        d.put("power.sizingMinCoverage", "0.8");
        d.put("power.standardSizesKw", "20,30,40,50,60,80,100,125,150,200,250,300,400,500,640,800,1000,1250");
        d.put("power.maxUnits", "4");
        d.put("power.cell", "1m");
        d.put("power.maxGap", "5m");
        d.put("power.maxBridge", "6h");
        d.put("power.runningThreshold", "0.02");
        d.put("power.maxLoadFactor", "1.5");
        d.put("power.spikeHalfWindow", "7");
        d.put("power.spikeSigmas", "5");
        d.put("power.spikeMinScale", "0.02");
        d.put("power.histogramBinWidth", "0.1");
        d.put("power.supplyThresholdKw", "0.5");
        d.put("power.supplyNoiseSigmas", "5");
        d.put("power.supplyRestBand", "0.05");
        d.put("power.outageMinDuration", "5m");
        d.put("power.batteryEfficiency", "0.95");
        return Collections.unmodifiableMap(d);
    }
}

package org.smartcamp.analytics.quality;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smartcamp.analytics.power.SettingsReader;

/**
 * Constants of the data-quality analytics, with documented defaults (docs/analytics-power.md) and overridable per
 * camp or asset through flat {@code quality.*} keys, including per-metric families
 * {@code quality.interval.<metric>} (expected reporting interval) and {@code quality.flatline.<metric>} (flatline
 * window, or {@code off}).
 *
 * @param gapFactor          a spacing longer than this many expected intervals is a gap
 * @param staleAfter         a sensor is stale after at least this long silent ...
 * @param staleFactor        ... and at least this many expected intervals
 * @param flatlineWindow     a gauge unchanged at least this long is flat-lined (unless its metric says otherwise)
 * @param flatlineMinSamples ... over at least this many readings
 * @param flatlineTolerance  readings within this of the run's first value count as unchanged
 * @param flatlineRunFactor  a run longer than this many times the sensor's 95th-percentile run (in readings) is
 *                           flat-lined whatever its length in time ...
 * @param flatlineAdaptiveMinSamples ... when it holds at least this many readings
 * @param flatlineAdaptiveMinRuns    ... and the sensor has at least this many runs in the window to judge from
 * @param zeroAtRest         gauges that legitimately read exactly zero for long (a stopped engine's power)
 * @param activeCounters     counters that must move while their asset runs; other counters and states are never
 *                           flat-lined (they legitimately stay constant)
 * @param whileRunning       metrics reported only while their asset runs: expected readings and gaps count only
 *                           the time its running state says it ran
 * @param counters           counter metrics
 * @param states             state metrics
 * @param intervals          configured expected intervals by metric (others are inferred from the data)
 * @param flatlineWindows    per-metric flatline windows; {@code Duration.ZERO} turns the check off
 */
public record QualitySettings(double gapFactor, Duration staleAfter, double staleFactor, Duration flatlineWindow,
                              int flatlineMinSamples, double flatlineTolerance, double flatlineRunFactor,
                              int flatlineAdaptiveMinSamples, int flatlineAdaptiveMinRuns, Set<String> zeroAtRest,
                              Set<String> activeCounters, Set<String> whileRunning, Set<String> counters,
                              Set<String> states,
                              Map<String, Duration> intervals, Map<String, Duration> flatlineWindows) {
    /** Every key with its default. */
    public static final Map<String, String> DEFAULTS = defaultTexts();

    public QualitySettings {
        zeroAtRest = Set.copyOf(zeroAtRest);
        activeCounters = Set.copyOf(activeCounters);
        whileRunning = Set.copyOf(whileRunning);
        counters = Set.copyOf(counters);
        states = Set.copyOf(states);
        intervals = Map.copyOf(intervals);
        flatlineWindows = Map.copyOf(flatlineWindows);
    }

    /** The defaults. */
    public static QualitySettings defaults() {
        return of();
    }

    /**
     * The defaults overridden by {@code layers} in order; keys not starting with {@code quality.} are ignored.
     *
     * @throws org.smartcamp.analytics.power.SettingsException for an unknown {@code quality.} key or a bad value
     */
    @SafeVarargs
    public static QualitySettings of(Map<String, String>... layers) {
        SettingsReader r = new SettingsReader("quality.", DEFAULTS, layers);
        Map<String, Duration> intervals = new LinkedHashMap<>();
        r.family("interval").forEach((metric, text) -> intervals.put(metric, r.familyDuration("interval", metric)));
        Map<String, Duration> windows = new LinkedHashMap<>();
        r.family("flatline").forEach((metric, text) -> windows.put(metric,
            "off".equalsIgnoreCase(text) ? Duration.ZERO : r.familyDuration("flatline", metric)));
        return new QualitySettings(r.number("gapFactor", 1.1, 1000), r.duration("staleAfter"),
            r.number("staleFactor", 1, 1000), r.duration("flatlineWindow"), r.integer("flatlineMinSamples", 2, 100_000),
            r.number("flatlineTolerance", 0, 1e9), r.number("flatlineRunFactor", 1, 1000),
            r.integer("flatlineAdaptiveMinSamples", 2, 100_000), r.integer("flatlineAdaptiveMinRuns", 1, 100_000),
            Set.copyOf(r.names("zeroAtRest")),
            Set.copyOf(r.names("activeCounters")), Set.copyOf(r.names("whileRunning")), Set.copyOf(r.names("counters")),
            Set.copyOf(r.names("states")),
            intervals, windows);
    }

    /** The configured interval of {@code metric}, if any. */
    public Optional<Duration> interval(String metric) {
        return Optional.ofNullable(intervals.get(metric));
    }

    /** The flatline window of {@code metric}: its own, else the default; empty when the check is off. */
    public Optional<Duration> flatlineWindow(String metric) {
        Duration d = flatlineWindows.getOrDefault(metric, flatlineWindow);
        return d.isZero() ? Optional.empty() : Optional.of(d);
    }

    private static Map<String, String> defaultTexts() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("quality.gapFactor", "3");
        d.put("quality.staleAfter", "15m");
        d.put("quality.staleFactor", "5");
        d.put("quality.flatlineWindow", "1h");
        d.put("quality.flatlineMinSamples", "6");
        d.put("quality.flatlineTolerance", "0");
        d.put("quality.flatlineRunFactor", "5");
        d.put("quality.flatlineAdaptiveMinSamples", "20");
        d.put("quality.flatlineAdaptiveMinRuns", "50");
        d.put("quality.zeroAtRest", "power.active,power.apparent,fuel.rate,pv.power,pv.irradiance,vehicle.speed,"
            + "battery.current,water.flow_rate");
        d.put("quality.activeCounters", "engine.hours,energy.active,fuel.used");
        d.put("quality.whileRunning", "power.factor,engine.oil_pressure");
        d.put("quality.counters", "energy.active,engine.hours,engine.idle_hours,engine.starts,fuel.used,pv.energy,"
            + "water.flow,vehicle.odometer");
        d.put("quality.states", "engine.running,tank.hatch_open,pump.running,vehicle.ignition");
        d.put("quality.interval.*", "");
        d.put("quality.flatline.*", "");
        d.put("quality.flatline.vehicle.lat", "off");
        d.put("quality.flatline.vehicle.lon", "off");
        return Collections.unmodifiableMap(d);
    }
}

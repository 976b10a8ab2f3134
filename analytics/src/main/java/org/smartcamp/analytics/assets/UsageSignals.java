package org.smartcamp.analytics.assets;

import java.util.function.Function;
import org.smartcamp.analytics.series.Series;

/**
 * An asset's usage readings; any may be empty. For a vehicle: {@code vehicle.ignition}, {@code vehicle.speed},
 * {@code engine.hours}, {@code engine.idle_hours}, {@code vehicle.odometer}, {@code fuel.used},
 * {@code fuel.level_pct}. For a generator: {@code engine.running} as the ignition, {@code engine.hours} and
 * {@code fuel.used}.
 */
public record UsageSignals(Series ignition, Series speed, Series engineHours, Series idleHours, Series odometer,
                           Series fuelUsed, Series fuelLevelPct) {

    /** Null series are empty. */
    public UsageSignals {
        ignition = orEmpty(ignition);
        speed = orEmpty(speed);
        engineHours = orEmpty(engineHours);
        idleHours = orEmpty(idleHours);
        odometer = orEmpty(odometer);
        fuelUsed = orEmpty(fuelUsed);
        fuelLevelPct = orEmpty(fuelLevelPct);
    }

    /** A vehicle's signals by wire metric name. */
    public static UsageSignals vehicle(Function<String, Series> byMetric) {
        return new UsageSignals(byMetric.apply("vehicle.ignition"), byMetric.apply("vehicle.speed"),
            byMetric.apply("engine.hours"), byMetric.apply("engine.idle_hours"), byMetric.apply("vehicle.odometer"),
            byMetric.apply("fuel.used"), byMetric.apply("fuel.level_pct"));
    }

    /** A generator's signals by wire metric name (running state as ignition; no idle, distance or level). */
    public static UsageSignals generator(Function<String, Series> byMetric) {
        return new UsageSignals(byMetric.apply("engine.running"), null, byMetric.apply("engine.hours"), null, null,
            byMetric.apply("fuel.used"), null);
    }

    private static Series orEmpty(Series s) {
        return s == null ? Series.empty() : s;
    }
}

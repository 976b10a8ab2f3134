package org.smartcamp.analytics.assets;

import java.util.function.Function;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;

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

    /** A vehicle's signals by wire metric name (its kind's running metric, the ignition, as the ignition). */
    public static UsageSignals vehicle(Function<String, Series> byMetric) {
        Function<Metric, Series> m = metric -> byMetric.apply(metric.wireName());
        return new UsageSignals(m.apply(running(AssetKind.VEHICLE)), m.apply(Metric.VEHICLE_SPEED),
            m.apply(Metric.ENGINE_HOURS), m.apply(Metric.ENGINE_IDLE_HOURS), m.apply(Metric.VEHICLE_ODOMETER),
            m.apply(Metric.FUEL_USED), m.apply(Metric.FUEL_LEVEL_PCT));
    }

    /** A generator's signals by wire metric name (running state as ignition; no idle, distance or level). */
    public static UsageSignals generator(Function<String, Series> byMetric) {
        Function<Metric, Series> m = metric -> byMetric.apply(metric.wireName());
        return new UsageSignals(m.apply(running(AssetKind.GENERATOR)), null, m.apply(Metric.ENGINE_HOURS), null,
            null, m.apply(Metric.FUEL_USED), null);
    }

    private static Metric running(AssetKind kind) {
        return kind.runningMetric().orElseThrow();
    }

    private static Series orEmpty(Series s) {
        return s == null ? Series.empty() : s;
    }
}

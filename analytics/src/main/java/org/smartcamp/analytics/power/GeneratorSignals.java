package org.smartcamp.analytics.power;

import java.util.function.Function;
import org.smartcamp.analytics.series.Series;

/**
 * A generator's readings by metric; any may be empty. Energy, hours, starts and litres come from the counters when
 * they are there, else from the gauges and the running state.
 *
 * @param power       {@code power.active}, kW
 * @param running     {@code engine.running}, 1 running, 0 stopped
 * @param energy      {@code energy.active} counter, kWh
 * @param engineHours {@code engine.hours} counter, h
 * @param starts      {@code engine.starts} counter
 * @param fuelRate    {@code fuel.rate}, L/h
 * @param fuelUsed    {@code fuel.used} counter (flow meter), L
 * @param apparent    {@code power.apparent}, kVA (confirms a power reading the spike filter doubts)
 */
public record GeneratorSignals(Series power, Series running, Series energy, Series engineHours, Series starts,
                               Series fuelRate, Series fuelUsed, Series apparent) {

    /** Signals without apparent power. */
    public GeneratorSignals(Series power, Series running, Series energy, Series engineHours, Series starts,
                            Series fuelRate, Series fuelUsed) {
        this(power, running, energy, engineHours, starts, fuelRate, fuelUsed, null);
    }

    /** Null series are empty. */
    public GeneratorSignals {
        power = orEmpty(power);
        running = orEmpty(running);
        energy = orEmpty(energy);
        engineHours = orEmpty(engineHours);
        starts = orEmpty(starts);
        fuelRate = orEmpty(fuelRate);
        fuelUsed = orEmpty(fuelUsed);
        apparent = orEmpty(apparent);
    }

    /** The signals read by their wire metric names from {@code byMetric} (which returns null or empty for none). */
    public static GeneratorSignals from(Function<String, Series> byMetric) {
        return new GeneratorSignals(byMetric.apply("power.active"), byMetric.apply("engine.running"),
            byMetric.apply("energy.active"), byMetric.apply("engine.hours"), byMetric.apply("engine.starts"),
            byMetric.apply("fuel.rate"), byMetric.apply("fuel.used"), byMetric.apply("power.apparent"));
    }

    static Series orEmpty(Series s) {
        return s == null ? Series.empty() : s;
    }
}

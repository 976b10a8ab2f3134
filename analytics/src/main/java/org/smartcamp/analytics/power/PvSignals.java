package org.smartcamp.analytics.power;

import java.util.function.Function;
import org.smartcamp.analytics.series.Series;

/**
 * A PV inverter's readings; either may be empty.
 *
 * @param power  {@code pv.power}, kW AC
 * @param energy {@code pv.energy} counter, kWh
 */
public record PvSignals(Series power, Series energy) {

    /** Null series are empty. */
    public PvSignals {
        power = GeneratorSignals.orEmpty(power);
        energy = GeneratorSignals.orEmpty(energy);
    }

    /** The signals read by wire metric name from {@code byMetric}. */
    public static PvSignals from(Function<String, Series> byMetric) {
        return new PvSignals(byMetric.apply("pv.power"), byMetric.apply("pv.energy"));
    }
}

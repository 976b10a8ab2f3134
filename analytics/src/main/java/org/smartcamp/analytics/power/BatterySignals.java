package org.smartcamp.analytics.power;

import java.util.function.Function;
import org.smartcamp.analytics.series.Series;

/**
 * A battery bank's readings; any may be empty. Power is {@code current * voltage} (current positive while
 * discharging, as the catalogue has it); without current, hourly changes of the state of charge stand in.
 *
 * @param current {@code battery.current}, A
 * @param voltage {@code battery.voltage}, V
 * @param soc     {@code battery.soc}, %
 */
public record BatterySignals(Series current, Series voltage, Series soc) {

    /** Null series are empty. */
    public BatterySignals {
        current = GeneratorSignals.orEmpty(current);
        voltage = GeneratorSignals.orEmpty(voltage);
        soc = GeneratorSignals.orEmpty(soc);
    }

    /** The signals read by wire metric name from {@code byMetric}. */
    public static BatterySignals from(Function<String, Series> byMetric) {
        return new BatterySignals(byMetric.apply("battery.current"), byMetric.apply("battery.voltage"),
            byMetric.apply("battery.soc"));
    }
}

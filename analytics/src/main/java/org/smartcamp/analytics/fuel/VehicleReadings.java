package org.smartcamp.analytics.fuel;

import org.smartcamp.analytics.series.Series;

/**
 * A vehicle's stored readings the fuel analytics use; any may be empty.
 *
 * @param levelPct  {@code fuel.level_pct}, percent of the tank
 * @param fuelUsed  {@code fuel.used}, the engine's fuel counter, litres
 * @param idleHours {@code engine.idle_hours}, the idle-hours counter
 */
public record VehicleReadings(Series levelPct, Series fuelUsed, Series idleHours) {

    /** The fuel in the tank in litres. */
    public Series litres(VehicleParams vehicle) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < levelPct.size(); i++) {
            b.add(levelPct.time(i), levelPct.value(i) / 100 * vehicle.fuelCapacityL());
        }
        return b.build();
    }
}

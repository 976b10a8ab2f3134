package org.smartcamp.analytics.fuel;

import org.smartcamp.analytics.series.Series;

/**
 * A fuel tank's stored readings; any may be empty.
 *
 * @param volume      {@code fuel.volume}, litres (the gateway already applied the strapping table)
 * @param level       {@code fuel.level}, mm (used through the tank's strapping table when there is no volume)
 * @param temperature {@code fuel.temp}, degC
 */
public record TankReadings(Series volume, Series level, Series temperature) {

    /**
     * The tank's volume in litres: {@code fuel.volume} when reported, else {@code fuel.level} through the
     * strapping table, else empty.
     */
    public Series litres(TankParams tank) {
        if (!volume.isEmpty() || level.isEmpty() || tank.strapping() == null) {
            return volume;
        }
        Series.Builder b = Series.builder();
        for (int i = 0; i < level.size(); i++) {
            b.add(level.time(i), tank.strapping().litres(level.value(i)));
        }
        return b.build();
    }
}

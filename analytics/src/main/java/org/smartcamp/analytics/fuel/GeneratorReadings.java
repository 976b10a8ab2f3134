package org.smartcamp.analytics.fuel;

import org.smartcamp.analytics.series.Series;

/**
 * A generator's stored readings the fuel analytics use; any may be empty.
 *
 * @param fuelUsed    {@code fuel.used}, the flow meter's counter, litres
 * @param energy      {@code energy.active}, the kWh counter
 * @param engineHours {@code engine.hours}, the run-hours counter
 * @param power       {@code power.active}, kW
 * @param running     {@code engine.running}, 1 or 0
 */
public record GeneratorReadings(Series fuelUsed, Series energy, Series engineHours, Series power, Series running) {
}

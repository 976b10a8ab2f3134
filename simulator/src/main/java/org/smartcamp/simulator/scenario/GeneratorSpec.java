package org.smartcamp.simulator.scenario;

/**
 * A diesel generator set.
 *
 * @param id        local id (the asset id is {@code {camp}-{id}})
 * @param name      display name
 * @param ratedKw   rated electrical output
 * @param curve     fuel curve
 * @param tank      local id of the fuel tank it draws from, or {@code null}
 * @param flowMeter whether a fuel flow meter reports {@code fuel.used}
 * @param reporting gateway and reporting interval
 */
public record GeneratorSpec(String id, String name, double ratedKw, FuelCurve curve, String tank, boolean flowMeter,
                            boolean counters, boolean fuelRate, Reporting reporting) {
}

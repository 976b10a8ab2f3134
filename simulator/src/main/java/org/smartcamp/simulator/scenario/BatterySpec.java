package org.smartcamp.simulator.scenario;

/**
 * A battery bank. It carries the load while its charge lasts; below {@code minSoc} the generators start and
 * charge it until {@code stopSoc} (cycle charging).
 *
 * @param capacityKwh    usable energy at 100 % state of charge
 * @param maxPowerKw     largest charge or discharge power
 * @param soc            initial, minimum and stop-charging state of charge (fractions)
 * @param nominalVoltage nominal bank voltage
 * @param efficiency     one-way efficiency (charge and discharge each)
 */
public record BatterySpec(String id, String name, double capacityKwh, double maxPowerKw, SocBand soc,
                          double nominalVoltage, double efficiency, Reporting reporting) {

    /** State-of-charge settings, fractions of capacity. */
    public record SocBand(double initial, double min, double stop) {
    }
}

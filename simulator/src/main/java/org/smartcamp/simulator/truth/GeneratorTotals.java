package org.smartcamp.simulator.truth;

/** A generator's true totals over a period: fuel burned, energy delivered, running hours and starts. */
public record GeneratorTotals(double fuelL, double energyKwh, double runHours, long starts) {

    /** Mean load factor while running, or 0 when it did not run. */
    public double loadFactor(double ratedKw) {
        return runHours == 0 ? 0 : energyKwh / (ratedKw * runHours);
    }
}

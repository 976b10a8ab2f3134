package org.smartcamp.simulator.model;

import org.smartcamp.simulator.scenario.PvSpec;

/** A solar array: what it could deliver under the current sun, and what it delivered after curtailment. */
public final class PvArray {
    private final PvSpec spec;
    private final String assetId;
    private double powerKw;
    private double energyKwh;

    public PvArray(PvSpec spec, String assetId) {
        this.spec = spec;
        this.assetId = assetId;
    }

    /** kW it could deliver at {@code irradiance} W/m2. */
    public double availableKw(double irradiance) {
        return spec.ratedKwp() * spec.derate() * irradiance / 1000.0;
    }

    /** Delivers {@code kw} for {@code dtSeconds}. */
    public void deliver(double kw, double dtSeconds) {
        powerKw = kw;
        energyKwh += kw * dtSeconds / 3600;
    }

    public PvSpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    public double powerKw() {
        return powerKw;
    }

    public double energyKwh() {
        return energyKwh;
    }
}

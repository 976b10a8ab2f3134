package org.smartcamp.simulator.model;

import org.smartcamp.simulator.scenario.TankSpec;

/**
 * A fuel tank's true volume. Additions stop at the capacity and withdrawals at empty; each returns what really
 * moved, so that the ground truth holds what happened and not what was asked for.
 */
public final class FuelTank {
    private static final double TEMP_TAU_S = 6 * 3600;

    private final TankSpec spec;
    private final String assetId;
    private double volumeL;
    private double temperatureC = Double.NaN;
    private boolean filling;

    public FuelTank(TankSpec spec, String assetId) {
        this.spec = spec;
        this.assetId = assetId;
        this.volumeL = spec.initialL();
    }

    /** Adds up to {@code litres}; returns the litres added. */
    public double add(double litres) {
        double added = Math.min(litres, spec.capacityL() - volumeL);
        volumeL += added;
        return added;
    }

    /** Removes up to {@code litres}; returns the litres removed. */
    public double remove(double litres) {
        double removed = Math.min(litres, volumeL);
        volumeL -= removed;
        return removed;
    }

    /** Lets the fuel temperature follow the air slowly. */
    public void warm(double ambientC, double dtSeconds) {
        if (Double.isNaN(temperatureC)) {
            temperatureC = ambientC;
        }
        temperatureC += (ambientC - temperatureC) * (1 - Math.exp(-dtSeconds / TEMP_TAU_S));
    }

    /** Whether the transfer pump should run now (hysteresis between the fill thresholds). */
    public boolean wantsFill() {
        if (spec.fill() == null) {
            return false;
        }
        double fraction = volumeL / spec.capacityL();
        if (filling && fraction >= spec.fill().stopAbove()) {
            filling = false;
        } else if (!filling && fraction < spec.fill().startBelow()) {
            filling = true;
        }
        return filling;
    }

    public TankSpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    public double volumeL() {
        return volumeL;
    }

    public double temperatureC() {
        return temperatureC;
    }
}

package org.smartcamp.simulator.model;

import java.time.Instant;
import java.util.List;
import org.smartcamp.simulator.scenario.WaterTankSpec;

/**
 * A water tank drawn by the camp's people (more in the morning and evening) and refilled by its pump: at the pump's
 * constant rate, or on its curve when the pump is an asset of its own ({@link WaterPump}).
 */
public final class WaterTank {
    private static final List<Double> USE = List.of(0.3, 0.2, 0.2, 0.2, 0.3, 0.8, 1.9, 2.2, 1.6, 1.1, 1.0, 1.0,
        1.2, 1.1, 0.9, 0.9, 1.0, 1.3, 1.8, 1.9, 1.4, 0.9, 0.5, 0.4);

    private final WaterTankSpec spec;
    private final String assetId;
    private final int population;
    private final LocalTime local;
    private final WaterPump pump;
    private double volumeL;
    private boolean pumping;
    private double consumedL;
    private double pumpedL;

    /** A tank; {@code pumpAssetId} is its pump's asset id, or {@code null} when the pump is not an asset. */
    public WaterTank(WaterTankSpec spec, String assetId, String pumpAssetId, int population, LocalTime local) {
        this.spec = spec;
        this.assetId = assetId;
        this.population = population;
        this.local = local;
        this.pump = pumpAssetId == null ? null : new WaterPump(spec.pump(), pumpAssetId);
        this.volumeL = spec.initialL();
    }

    /** Decides whether the pump runs in the coming step; returns its electric load in kW. */
    public double pumpKw() {
        double fraction = volumeL / spec.capacityL();
        if (pumping && fraction >= spec.pump().stopAbove()) {
            pumping = false;
        } else if (!pumping && fraction < spec.pump().startBelow()) {
            pumping = true;
        }
        if (!pumping) {
            return 0;
        }
        return pump != null ? pump.powerAt(spec.strapping().levelMm(volumeL) / 1000) : spec.pump().kw();
    }

    /** Draws the camp's use and pumps for {@code dtSeconds}. */
    public void advance(Instant t, double dtSeconds) {
        double use = population * spec.litresPerPersonDay() / 86_400 * LoadModel.interpolate(USE, local.hour(t))
            * dtSeconds;
        double drawn = Math.min(use, volumeL);
        volumeL -= drawn;
        consumedL += drawn;
        double delivered = pump != null ? pump.run(pumping, spec.strapping().levelMm(volumeL) / 1000, dtSeconds)
            : pumping ? spec.pump().rateLph() * dtSeconds / 3600 : 0;
        double pumped = Math.min(delivered, spec.capacityL() - volumeL);
        volumeL += pumped;
        pumpedL += pumped;
    }

    /** Its pump when the pump is an asset of its own, else {@code null}. */
    public WaterPump pump() {
        return pump;
    }

    public WaterTankSpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    public double volumeL() {
        return volumeL;
    }

    public boolean pumping() {
        return pumping;
    }

    public double consumedL() {
        return consumedL;
    }

    public double pumpedL() {
        return pumpedL;
    }
}

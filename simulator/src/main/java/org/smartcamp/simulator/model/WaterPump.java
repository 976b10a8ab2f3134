package org.smartcamp.simulator.model;

import org.smartcamp.simulator.scenario.WaterTankSpec;

/**
 * A borehole pump lifting water into a tank, as a centrifugal pump on its curve: the head it works against is the
 * static lift ({@code head_m}) plus the water standing in the tank, its flow follows
 * {@code H = H0 (1 - (Q / Qmax)^2)} with a shut-off head {@code H0} 25 % above the duty point ({@code rate_lph} at
 * {@code head_m}), and its electric input is the hydraulic power {@code rho g Q H} over the wire-to-water efficiency
 * that draws {@code kw} at the duty point. A fuller tank therefore slows the pump a little and changes its draw.
 * Counters: litres pumped and kWh used.
 */
public final class WaterPump {
    private static final double RHO_G = 1000 * 9.81;
    private static final double SHUT_OFF = 1.25;

    private final WaterTankSpec.PumpSpec spec;
    private final String assetId;
    private final double shutOffHeadM;
    private final double maxFlowLph;
    private final double efficiency;
    private boolean on;
    private double flowLph;
    private double powerKw;
    private double pumpedL;
    private double energyKwh;

    public WaterPump(WaterTankSpec.PumpSpec spec, String assetId) {
        this.spec = spec;
        this.assetId = assetId;
        this.shutOffHeadM = SHUT_OFF * spec.headM();
        this.maxFlowLph = spec.rateLph() / Math.sqrt(1 - 1 / SHUT_OFF);
        this.efficiency = spec.kw() > 0 ? hydraulicKw(spec.rateLph(), spec.headM()) / spec.kw() : 1;
    }

    /** Runs (or not) for {@code dtSeconds} against {@code tankLevelM} of water; returns the litres delivered. */
    public double run(boolean running, double tankLevelM, double dtSeconds) {
        on = running;
        if (!running) {
            flowLph = 0;
            powerKw = 0;
            return 0;
        }
        flowLph = flowAt(tankLevelM);
        powerKw = powerAt(tankLevelM);
        double litres = flowLph * dtSeconds / 3600;
        pumpedL += litres;
        energyKwh += powerKw * dtSeconds / 3600;
        return litres;
    }

    /** The electric draw while running against {@code tankLevelM} of water (at shut-off, 60 % of {@code kw}). */
    public double powerAt(double tankLevelM) {
        double flow = flowAt(tankLevelM);
        return flow > 0 ? hydraulicKw(flow, spec.headM() + tankLevelM) / efficiency : spec.kw() * 0.6;
    }

    private double flowAt(double tankLevelM) {
        double head = spec.headM() + tankLevelM;
        return head >= shutOffHeadM ? 0 : maxFlowLph * Math.sqrt(1 - head / shutOffHeadM);
    }

    private static double hydraulicKw(double flowLph, double headM) {
        return RHO_G * flowLph / 3_600_000 * headM / 1000;
    }

    public String assetId() {
        return assetId;
    }

    public boolean running() {
        return on;
    }

    public double flowLph() {
        return flowLph;
    }

    public double powerKw() {
        return powerKw;
    }

    public double pumpedL() {
        return pumpedL;
    }

    public double energyKwh() {
        return energyKwh;
    }
}

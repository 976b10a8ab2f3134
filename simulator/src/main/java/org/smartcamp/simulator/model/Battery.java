package org.smartcamp.simulator.model;

import org.smartcamp.simulator.scenario.BatterySpec;

/** A battery bank's true state of charge, with charge and discharge limits and losses. */
public final class Battery {
    private final BatterySpec spec;
    private final String assetId;
    private double soc;
    private double powerKw;
    private double dischargedKwh;
    private double chargedKwh;

    public Battery(BatterySpec spec, String assetId) {
        this.spec = spec;
        this.assetId = assetId;
        this.soc = spec.soc().initial();
    }

    /** Most kW it can deliver for {@code dtSeconds} without going below its minimum charge. */
    public double maxDischargeKw(double dtSeconds) {
        double kwh = Math.max(0, soc - spec.soc().min()) * spec.capacityKwh() * spec.efficiency();
        return Math.min(spec.maxPowerKw(), kwh * 3600 / dtSeconds);
    }

    /** Most kW it can take for {@code dtSeconds} without going above full. */
    public double maxChargeKw(double dtSeconds) {
        double kwh = Math.max(0, 1 - soc) * spec.capacityKwh() / spec.efficiency();
        return Math.min(spec.maxPowerKw(), kwh * 3600 / dtSeconds);
    }

    /** Delivers ({@code kw > 0}) or takes ({@code kw < 0}) power for {@code dtSeconds}. */
    public void apply(double kw, double dtSeconds) {
        powerKw = kw;
        double kwh = kw * dtSeconds / 3600;
        if (kw >= 0) {
            soc -= kwh / spec.efficiency() / spec.capacityKwh();
            dischargedKwh += kwh;
        } else {
            soc -= kwh * spec.efficiency() / spec.capacityKwh();
            chargedKwh -= kwh;
        }
        soc = Math.max(0, Math.min(1, soc));
    }

    public BatterySpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    /** State of charge, 0..1. */
    public double soc() {
        return soc;
    }

    /** Power of the last step, positive while discharging. */
    public double powerKw() {
        return powerKw;
    }

    public double dischargedKwh() {
        return dischargedKwh;
    }

    public double chargedKwh() {
        return chargedKwh;
    }
}

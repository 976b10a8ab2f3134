package org.smartcamp.simulator.model;

import org.smartcamp.simulator.scenario.GeneratorSpec;

/**
 * One generator set's true state: running or not, its output, and the counters its controller keeps. Fuel
 * follows the fuel curve exactly: {@code (f0 * rated + f1 * output) * dt} while running.
 */
public final class Generator {
    private static final double COOLANT_TAU_S = 600;

    private final GeneratorSpec spec;
    private final String assetId;
    private boolean running;
    private boolean available = true;
    private double runSeconds;
    private double outputKw;
    private double powerFactor = 1;
    private double fuelRateLph;
    private double engineHours;
    private double energyKwh;
    private double fuelUsedL;
    private long starts;
    private double coolantC = Double.NaN;

    public Generator(GeneratorSpec spec, String assetId) {
        this.spec = spec;
        this.assetId = assetId;
    }

    /** Starts the set unless it is out of service. */
    public void start() {
        if (!running && available) {
            running = true;
            runSeconds = 0;
            starts++;
        }
    }

    /** Puts the set in or out of service; out of service it stops at once and cannot start. */
    public void setAvailable(boolean available) {
        this.available = available;
        if (!available) {
            stop();
        }
    }

    /** Whether the set may be started (not out of service). */
    public boolean available() {
        return available;
    }

    public void stop() {
        running = false;
        outputKw = 0;
        fuelRateLph = 0;
    }

    /** Sets the output for this step. */
    public void deliver(double kw, double pf) {
        if (!running && kw > 0) {
            throw new IllegalStateException(assetId + " is stopped and cannot deliver " + kw + " kW");
        }
        outputKw = kw;
        powerFactor = pf;
    }

    /**
     * Runs the set for {@code dtSeconds} at its output.
     *
     * @return litres burned in this step
     */
    public double advance(double dtSeconds, double ambientC) {
        double target = running ? 75 + 15 * loadFactor() : ambientC;
        if (Double.isNaN(coolantC)) {
            coolantC = ambientC;
        }
        coolantC += (target - coolantC) * (1 - Math.exp(-dtSeconds / COOLANT_TAU_S));
        if (!running) {
            fuelRateLph = 0;
            return 0;
        }
        fuelRateLph = spec.curve().litresPerHour(spec.ratedKw(), outputKw);
        double litres = fuelRateLph * dtSeconds / 3600;
        runSeconds += dtSeconds;
        engineHours += dtSeconds / 3600;
        energyKwh += outputKw * dtSeconds / 3600;
        fuelUsedL += litres;
        return litres;
    }

    public GeneratorSpec spec() {
        return spec;
    }

    public String assetId() {
        return assetId;
    }

    public double ratedKw() {
        return spec.ratedKw();
    }

    public boolean running() {
        return running;
    }

    /** Seconds since the set last started. */
    public double runSeconds() {
        return runSeconds;
    }

    public double outputKw() {
        return outputKw;
    }

    public double powerFactor() {
        return powerFactor;
    }

    public double loadFactor() {
        return outputKw / spec.ratedKw();
    }

    public double fuelRateLph() {
        return fuelRateLph;
    }

    public double engineHours() {
        return engineHours;
    }

    public double energyKwh() {
        return energyKwh;
    }

    public double fuelUsedL() {
        return fuelUsedL;
    }

    public long starts() {
        return starts;
    }

    public double coolantC() {
        return coolantC;
    }
}

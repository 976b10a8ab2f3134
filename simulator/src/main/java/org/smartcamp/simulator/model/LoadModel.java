package org.smartcamp.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.smartcamp.simulator.scenario.LoadSpec;

/** The camp's electric load (without pumps), sized to its population and driven by the hour, day and heat. */
public final class LoadModel {
    private final LoadSpec spec;
    private final int population;
    private final LocalTime local;
    private final SlowNoise variation;
    private final SlowNoise powerFactor;

    public LoadModel(LoadSpec spec, int population, LocalTime local, SplittableRandom random) {
        this.spec = spec;
        this.population = population;
        this.local = local;
        this.variation = new SlowNoise(random, spec.variation(), 1800);
        this.powerFactor = new SlowNoise(random, 0.02, 3600);
    }

    /** The load at {@code t} in kW, advancing the random variation by {@code dtSeconds}. */
    public double loadKw(Instant t, double temperatureC, double dtSeconds) {
        double base = population * spec.kwPerPerson() * daily(local.hour(t))
            * spec.weeklyShape().get(local.day(t).getValue() - 1);
        double cooling = spec.coolingKwPerDegC() * Math.max(0, temperatureC - spec.coolingThresholdC());
        return Math.max(0, base * (1 + variation.step(dtSeconds)) + cooling);
    }

    /** The load's power factor now, near the scenario's average. */
    public double powerFactor(double dtSeconds) {
        return Math.max(0.5, Math.min(1.0, spec.powerFactor() + powerFactor.step(dtSeconds)));
    }

    /** The daily shape at local hour {@code h}, interpolated between the hourly factors. */
    double daily(double h) {
        return interpolate(spec.dailyShape(), h);
    }

    /** A cyclic hourly profile at local hour {@code h}. */
    static double interpolate(List<Double> hourly, double h) {
        int i = (int) Math.floor(h) % 24;
        double f = h - Math.floor(h);
        return hourly.get(i) * (1 - f) + hourly.get((i + 1) % 24) * f;
    }
}

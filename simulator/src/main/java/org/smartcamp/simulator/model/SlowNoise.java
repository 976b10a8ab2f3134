package org.smartcamp.simulator.model;

import java.util.SplittableRandom;

/**
 * A first-order autoregressive process: random variation with standard deviation {@code sd} that changes over
 * about {@code tauSeconds} instead of jumping every step (weather, load).
 */
final class SlowNoise {
    private final SplittableRandom random;
    private final double sd;
    private final double tauSeconds;
    private double value;

    SlowNoise(SplittableRandom random, double sd, double tauSeconds) {
        this.random = random;
        this.sd = sd;
        this.tauSeconds = tauSeconds;
        this.value = sd * random.nextGaussian();
    }

    double step(double dtSeconds) {
        double a = Math.exp(-dtSeconds / tauSeconds);
        value = a * value + Math.sqrt(1 - a * a) * sd * random.nextGaussian();
        return value;
    }

    double value() {
        return value;
    }
}

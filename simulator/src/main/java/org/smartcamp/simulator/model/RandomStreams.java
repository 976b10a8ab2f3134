package org.smartcamp.simulator.model;

import java.util.SplittableRandom;

/**
 * Independent random number streams derived from one seed, one per named purpose (an asset's sensor noise, the
 * load's variation, …), so that adding an asset to a scenario does not change the randomness of the others.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The stream for {@code purpose}; the same seed and purpose always give the same sequence. */
    public SplittableRandom stream(String purpose) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + purpose.hashCode()));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

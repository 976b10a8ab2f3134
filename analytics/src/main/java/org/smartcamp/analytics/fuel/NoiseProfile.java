package org.smartcamp.analytics.fuel;

import java.util.Arrays;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * A level sensor's noise (standard deviation of one reading) in blocks of a few hours, from the first differences
 * of its readings, capped by the day around it, so that a tank's noise may change with its fill level (strapping) or a
 * vehicle's with its state.
 */
final class NoiseProfile {
    static final long BLOCK_MS = 6 * 3_600_000L;
    private static final int MIN_READINGS = 12;
    private static final int STEADY_BLOCKS = 4;
    private final long origin;
    private final double[] sd;
    private final double overall;

    private NoiseProfile(long origin, double[] sd, double overall) {
        this.origin = origin;
        this.sd = sd;
        this.overall = overall;
    }

    /** The noise of {@code s}, never below {@code floor}. */
    static NoiseProfile of(Series s, double floor) {
        if (s.size() < 3) {
            return new NoiseProfile(0, new double[0], floor);
        }
        double[] values = s.values();
        double overall = Math.max(floor, SeriesMath.differenceNoiseSd(values, 0, values.length));
        long origin = s.time(0);
        int blocks = (int) ((s.time(s.size() - 1) - origin) / BLOCK_MS) + 1;
        double[] sd = new double[blocks];
        Arrays.fill(sd, overall);
        int from = 0;
        for (int b = 0; b < blocks; b++) {
            int to = s.indexAtOrAfter(origin + (b + 1) * BLOCK_MS);
            if (to - from >= MIN_READINGS) {
                sd[b] = Math.max(floor, SeriesMath.differenceNoiseSd(values, from, to));
            }
            from = to;
        }
        return new NoiseProfile(origin, steady(sd), overall);
    }

    /**
     * Each block's noise, but no more than the median of the blocks within a day of it, so that a sensor fault of
     * a few hours (sloshing, spikes) does not pass for the sensor's normal noise.
     */
    private static double[] steady(double[] sd) {
        double[] out = new double[sd.length];
        for (int b = 0; b < sd.length; b++) {
            double around = SeriesMath.median(sd, Math.max(0, b - STEADY_BLOCKS),
                Math.min(sd.length, b + STEADY_BLOCKS + 1));
            out[b] = Math.min(sd[b], around);
        }
        return out;
    }

    /** The standard deviation of one reading at {@code t}. */
    double at(long t) {
        int b = (int) Math.floorDiv(t - origin, BLOCK_MS);
        return b < 0 || b >= sd.length ? overall : sd[b];
    }

    /** The largest standard deviation between {@code from} and {@code to}. */
    double max(long from, long to) {
        double m = at(from);
        for (long t = from; t <= to; t += BLOCK_MS) {
            m = Math.max(m, at(t));
        }
        return Math.max(m, at(to));
    }
}

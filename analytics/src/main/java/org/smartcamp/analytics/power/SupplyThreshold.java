package org.smartcamp.analytics.power;

import java.util.Arrays;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * The output above which a source counts as supplying the camp, from its own readings at rest: a battery's idle
 * current noise, a PV inverter's night-time standby, a stopped set's meter offset. Readings at rest are those within
 * the rest band (a share of the source's rating) of zero, or those a running state says were taken while stopped.
 * The noise's sigma comes from the differences between successive readings at rest (1.4826 times their median
 * absolute value over the square root of two), so a slow real flow inside the band (a small night load) barely
 * moves it; the rest level is the median of the readings within {@code sigmas} sigmas of zero (zero when none are).
 * The threshold is the rest level plus {@code sigmas} sigmas, at least the camp's {@code power.supplyThresholdKw} and
 * at most the rest band: a noise reading of an empty battery is not supply, a real discharge above the noise is.
 * With fewer than {@link #MIN_REST_READINGS} readings at rest the floor is not measured and the camp's threshold
 * applies.
 */
final class SupplyThreshold {
    /** Readings at rest needed to measure a noise floor (an hour of five-minute readings). */
    static final int MIN_REST_READINGS = 12;

    private SupplyThreshold() {
    }

    /**
     * The threshold (kW) of a source whose readings at rest, in time order, are {@code rest[0..n)}.
     *
     * @param baseKw the camp's threshold, {@code power.supplyThresholdKw}
     * @param capKw  the highest threshold (the rest band); not below {@code baseKw}
     * @param sigmas robust sigmas of the noise above the rest level
     */
    static double of(double[] rest, int n, double baseKw, double capKw, double sigmas) {
        if (n < MIN_REST_READINGS) {
            return baseKw;
        }
        double[] steps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            steps[i - 1] = Math.abs(rest[i] - rest[i - 1]);
        }
        double sigma = SeriesMath.MAD_TO_SD * SeriesMath.median(steps) / Math.sqrt(2);
        double[] near = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(rest[i]) <= sigmas * sigma) {
                near[k++] = rest[i];
            }
        }
        double level = k == 0 ? 0 : SeriesMath.median(Arrays.copyOf(near, k));
        return Math.max(baseKw, Math.min(Math.max(baseKw, capKw), level + sigmas * sigma));
    }

    /** The threshold of a source from its readings in time order: those within {@code bandKw} of zero are at rest. */
    static double ofBand(double[] readings, int n, double bandKw, double baseKw, double sigmas) {
        double[] rest = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(readings[i]) <= bandKw) {
                rest[k++] = readings[i];
            }
        }
        return of(rest, k, baseKw, bandKw, sigmas);
    }
}

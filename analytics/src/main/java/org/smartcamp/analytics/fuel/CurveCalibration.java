package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongPredicate;
import org.smartcamp.analytics.series.Cumulative;

/**
 * Reconciles a generator's two fuel sources instead of ranking them: the fuel curve follows every hour of the set's
 * running but may be off by a few percent for this set (a datasheet's curve, or the default one), while its tank's
 * fall is measured but noisy from hour to hour and disturbed around refuels, thefts and gauge faults. Over the quiet
 * stretches where both are measured (no event, no gap, at least {@value #MIN_RUN_HOURS} hours each) the ratio of
 * the litres the tank lost to the litres the curve expects is the curve's correction for this set; the curve scaled
 * by it keeps the curve's hour-to-hour shape and the tank's long-run level. Used only when those stretches add up
 * to at least {@value #MIN_QUIET_HOURS} hours and {@value #MIN_LITRES} L, and the ratio lies within
 * [{@value #MIN_FACTOR}, {@value #MAX_FACTOR}] (beyond it something else drains the tank or the curve is wrong:
 * the tank level and the curve are then left to stand as they are).
 */
final class CurveCalibration {
    static final int MIN_RUN_HOURS = 6;
    static final int MIN_QUIET_HOURS = 24;
    static final double MIN_LITRES = 50;
    static final double MIN_FACTOR = 0.8;
    static final double MAX_FACTOR = 1.25;
    /** The factor's standard error when a single stretch leaves no scatter to measure it by. */
    static final double PRIOR_SE = 0.01;
    private static final long HOUR_MS = 3_600_000L;

    private CurveCalibration() {
    }

    /**
     * A calibration: the factor, its standard error from the stretches' scatter about it (the ratio estimator's
     * {@code sqrt(n / (n - 1) * sum(r_i^2)) / sum(c_i)} with {@code r_i = l_i - k c_i}; with one stretch the
     * prior of 1 %), the quiet hours and stretches it rests on.
     */
    record Fit(double factor, double se, int hours, int stretches) {
    }

    /** The factor that scales {@code curve} to {@code level} over their quiet stretches, if there is enough. */
    static OptionalDouble factor(Cumulative curve, Cumulative level) {
        return fit(curve, level).map(f -> OptionalDouble.of(f.factor())).orElse(OptionalDouble.empty());
    }

    /** The calibration of {@code curve} to {@code level}, if there is enough. */
    static Optional<Fit> fit(Cumulative curve, Cumulative level) {
        return fit(curve, level, List.of());
    }

    /**
     * The calibration of {@code curve} to {@code level} over the stretches outside {@code leaks} (a detected leak's
     * rate is an estimate: litres it misses would pass for fuel burned and bias the factor of every day) when those
     * stretches are enough, else over all of them.
     */
    static Optional<Fit> fit(Cumulative curve, Cumulative level, List<LeakLoss> leaks) {
        if (!leaks.isEmpty()) {
            Optional<Fit> outside = fit(curve, level, h -> leaks.stream().noneMatch(l ->
                h < l.end().toEpochMilli() && h + HOUR_MS > l.start().toEpochMilli()));
            if (outside.isPresent()) {
                return outside;
            }
        }
        return fit(curve, level, h -> true);
    }

    private static Optional<Fit> fit(Cumulative curve, Cumulative level, LongPredicate usable) {
        if (curve.isEmpty() || level.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> stretches = new ArrayList<>();
        long from = ceilHour(Math.max(curve.start(), level.start()));
        long to = Math.min(curve.end(), level.end());
        double levelLitres = 0;
        double curveLitres = 0;
        int quietHours = 0;
        long runStart = -1;
        // one hour past the last whole one, which is never quiet, closes the last stretch
        for (long h = from; h <= to; h += HOUR_MS) {
            boolean quiet = h + HOUR_MS <= to && usable.test(h) && level.coverage(h, h + HOUR_MS) >= 1 - 1e-9
                && curve.coverage(h, h + HOUR_MS) >= 1 - 1e-9;
            if (quiet && runStart < 0) {
                runStart = h;
            } else if (!quiet && runStart >= 0) {
                long hours = (h - runStart) / HOUR_MS;
                if (hours >= MIN_RUN_HOURS) {
                    double l = level.delta(runStart, h);
                    double c = curve.delta(runStart, h);
                    levelLitres += l;
                    curveLitres += c;
                    quietHours += (int) hours;
                    stretches.add(new double[] {l, c});
                }
                runStart = -1;
            }
        }
        if (quietHours < MIN_QUIET_HOURS || curveLitres < MIN_LITRES) {
            return Optional.empty();
        }
        double k = levelLitres / curveLitres;
        if (k < MIN_FACTOR || k > MAX_FACTOR) {
            return Optional.empty();
        }
        int n = stretches.size();
        double se = PRIOR_SE;
        if (n >= 2) {
            double sq = 0;
            for (double[] st : stretches) {
                sq += Math.pow(st[0] - k * st[1], 2);
            }
            se = Math.sqrt(n / (n - 1.0) * sq) / curveLitres;
        }
        return Optional.of(new Fit(k, se, quietHours, n));
    }

    /** {@code curve} scaled by {@code factor}. */
    static Cumulative scaled(Cumulative curve, double factor) {
        return Cumulative.weightedSum(List.of(curve), new double[] {factor});
    }

    private static long ceilHour(long t) {
        return Math.floorDiv(t + HOUR_MS - 1, HOUR_MS) * HOUR_MS;
    }
}

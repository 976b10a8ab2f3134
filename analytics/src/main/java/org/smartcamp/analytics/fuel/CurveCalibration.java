package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;

/**
 * Reconciles a generator's two fuel sources instead of ranking them: the fuel curve follows every hour of the set's
 * running but may be off by a few percent for this set (a datasheet's curve, or the default one), while its tank's
 * fall is measured but noisy from hour to hour and disturbed around refuels, thefts and gauge faults. Over the quiet
 * stretches where both are measured (no event, no gap, at least {@value #MIN_RUN_HOURS} hours each) the factor that
 * scales the curve to the tank's fall is fitted through every gauge reading, beside the rate of each detected leak
 * ({@link CalibrationRegression}); the curve scaled by it keeps the curve's hour-to-hour shape and the tank's
 * long-run level. Used only when those stretches add up to at least {@value #MIN_QUIET_HOURS} hours and
 * {@value #MIN_LITRES} L, and the factor lies within [{@value #MIN_FACTOR}, {@value #MAX_FACTOR}] (beyond it
 * something else drains the tank or the curve is wrong: the tank level and the curve are then left to stand as they
 * are).
 */
final class CurveCalibration {
    static final int MIN_RUN_HOURS = 6;
    static final int MIN_QUIET_HOURS = 24;
    static final double MIN_LITRES = 50;
    static final double MIN_FACTOR = 0.8;
    static final double MAX_FACTOR = 1.25;
    private static final long HOUR_MS = 3_600_000L;

    private CurveCalibration() {
    }

    /**
     * A calibration: the factor and its standard error ({@link CalibrationRegression}), the quiet hours, stretches
     * and readings it rests on, and the rate in L/day fitted for each detected leak (NaN for one outside every
     * stretch).
     */
    record Fit(double factor, double se, int hours, int stretches, int readings, double[] leakRates) {
    }

    /**
     * A tank's gauge as the calibration weighs it: the cleaned readings (out-of-range values, stuck repeats and
     * spikes dropped, {@link LevelSignal}) and each one's standard deviation, the larger of the sensor's noise and
     * the spread of the readings within the smoothing window around it (sloshing weighs less).
     */
    record Gauge(Series volume, double[] sd) {
        static Gauge of(Series litres, double capacityL, FuelSettings settings) {
            LevelSignal signal = LevelSignal.of(litres, capacityL, Cumulative.empty(), settings);
            Series v = signal.volume();
            double[] spread = SeriesMath.runningRobustSd(v, settings.millis(FuelSetting.SMOOTHING_MINUTES));
            double[] sd = new double[v.size()];
            for (int i = 0; i < sd.length; i++) {
                sd[i] = Math.max(signal.noise().at(v.time(i)), spread[i]);
            }
            return new Gauge(v, sd);
        }
    }

    /**
     * The calibration of {@code curve} to the tank's {@code gauge}, if there is enough: the quiet stretches are where
     * both {@code curve} and {@code level} (the tank-level consumption, whose event windows and gaps are estimated)
     * are measured; {@code leaks} are the tank's detected leaks, whose rates are fitted beside the factor.
     */
    static Optional<Fit> fit(Cumulative curve, Cumulative level, Gauge gauge, List<LeakLoss> leaks) {
        if (curve.isEmpty() || level.isEmpty() || gauge.volume().size() < 3) {
            return Optional.empty();
        }
        List<long[]> stretches = quietStretches(curve, level);
        long hours = stretches.stream().mapToLong(s -> (s[1] - s[0]) / HOUR_MS).sum();
        double curveLitres = stretches.stream().mapToDouble(s -> curve.delta(s[0], s[1])).sum();
        if (hours < MIN_QUIET_HOURS || curveLitres < MIN_LITRES) {
            return Optional.empty();
        }
        return new CalibrationRegression(curve, gauge.volume(), gauge.sd(), leaks).fit(stretches)
            .filter(r -> r.factor() >= MIN_FACTOR && r.factor() <= MAX_FACTOR)
            .map(r -> new Fit(r.factor(), r.se(), (int) hours, stretches.size(), r.readings(), r.leakRates()));
    }

    /** The runs of at least {@value #MIN_RUN_HOURS} whole hours that both cumulatives measure, as [from, to). */
    private static List<long[]> quietStretches(Cumulative curve, Cumulative level) {
        List<long[]> stretches = new ArrayList<>();
        long from = ceilHour(Math.max(curve.start(), level.start()));
        long to = Math.min(curve.end(), level.end());
        long runStart = -1;
        // one hour past the last whole one, which is never quiet, closes the last stretch
        for (long h = from; h <= to; h += HOUR_MS) {
            boolean quiet = h + HOUR_MS <= to && level.coverage(h, h + HOUR_MS) >= 1 - 1e-9
                && curve.coverage(h, h + HOUR_MS) >= 1 - 1e-9;
            if (quiet && runStart < 0) {
                runStart = h;
            } else if (!quiet && runStart >= 0) {
                if ((h - runStart) / HOUR_MS >= MIN_RUN_HOURS) {
                    stretches.add(new long[] {runStart, h});
                }
                runStart = -1;
            }
        }
        return stretches;
    }

    /** {@code curve} scaled by {@code factor}. */
    static Cumulative scaled(Cumulative curve, double factor) {
        return Cumulative.weightedSum(List.of(curve), new double[] {factor});
    }

    private static long ceilHour(long t) {
        return Math.floorDiv(t + HOUR_MS - 1, HOUR_MS) * HOUR_MS;
    }
}

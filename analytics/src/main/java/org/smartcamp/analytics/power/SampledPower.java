package org.smartcamp.analytics.power;

import java.util.List;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.HampelFilter;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;
import org.smartcamp.analytics.series.ValueBounds;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * A generator's sampled {@code power.active} read the way the catalogue declares it ({@link Metric#sampling()}:
 * a meter's mean over the interval before each reading) beside its {@code engine.running} state (the state at each
 * reading): cleaned of impossible values and of spikes that no second signal confirms, and the fuel curve
 * {@code f0 * rated * running_h + f1 * kWh} integrated over it without trapezoids, so a one-minute run counts whole
 * and nothing is counted across a stop.
 */
public final class SampledPower {
    /** The sampling of {@code power.active}, from the catalogue. */
    static final Sampling POWER = Metric.POWER_ACTIVE.sampling();
    /** The sampling of {@code engine.running}, from the catalogue. */
    static final Sampling RUNNING = Metric.ENGINE_RUNNING.sampling();

    private SampledPower() {
    }

    /**
     * {@code power} within {@code [-5 %, maxLoadFactor x rated]} and through the Hampel filter, keeping any outlier
     * the running state or the apparent power confirms.
     */
    static HampelFilter.Result clean(Series power, Series running, Series apparent, double ratedKw,
                                     PowerSettings.SignalRules rules) {
        Series possible = ValueBounds.within(power, -0.05 * ratedKw, rules.maxLoadFactor() * ratedKw);
        double runningKw = rules.runningThreshold() * ratedKw;
        return new HampelFilter(rules.spikeHalfWindow(), rules.spikeSigmas(), rules.spikeMinScale() * ratedKw)
            .filter(possible, Confirmations.byRunning(possible, running, runningKw, POWER)
                .or(Confirmations.byApparent(possible, apparent)));
    }

    /**
     * The fuel curve over sampled power and the running state: {@code f0 * ratedKw} per running hour (the state held
     * from each reading to the next; without a state, the intervals whose mean power was above 2 % of the rating)
     * plus {@code f1} per kWh (each power reading over its interval), litres. Spikes go through the same filter
     * as the power analytics' (their default settings). Empty without power readings.
     *
     * @param gapMs readings further apart than this leave an estimated gap
     */
    public static Cumulative curveLitres(double f0, double f1, double ratedKw, Series power, Series running,
                                         long gapMs) {
        if (power.isEmpty()) {
            return Cumulative.empty();
        }
        PowerSettings.SignalRules rules = PowerSettings.defaults().signal();
        Series clean = clean(power, running, Series.empty(), ratedKw, rules).series();
        long usual = Math.max(1, Math.min(gapMs, SeriesSpacing.median(clean, gapMs)));
        Cumulative kwh = Cumulative.ofSampledRatePerHour(positive(clean), POWER, gapMs, usual);
        Cumulative hours;
        if (running.isEmpty()) {
            hours = Cumulative.ofSampledRatePerHour(above(clean, rules.runningThreshold() * ratedKw), POWER, gapMs,
                usual);
        } else {
            Series state = ValueBounds.within(running, 0, 1);
            long stateUsual = Math.max(1, Math.min(gapMs, SeriesSpacing.median(state, gapMs)));
            hours = Cumulative.ofSampledRatePerHour(state, RUNNING, gapMs, stateUsual);
        }
        return Cumulative.weightedSum(List.of(hours, kwh), new double[] {f0 * ratedKw, f1});
    }

    private static Series positive(Series s) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < s.size(); i++) {
            b.add(s.time(i), Math.max(0, s.value(i)));
        }
        return b.build();
    }

    /** 1 where the value is above {@code kw}, else 0. */
    static Series above(Series s, double kw) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < s.size(); i++) {
            b.add(s.time(i), s.value(i) > kw ? 1 : 0);
        }
        return b.build();
    }
}

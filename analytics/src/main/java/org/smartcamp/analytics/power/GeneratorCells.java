package org.smartcamp.analytics.power;

import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.HampelFilter;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.ValueBounds;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * One generator's readings prepared for analysis: power cleaned of out-of-range values and spikes, power and running
 * state resampled onto the grid, and the counters as robust tracks. Energy, hours, starts and fuel over a range of
 * cells come from the counters when present, else from the gauges.
 */
final class GeneratorCells {
    private static final double STARTS_PER_HOUR = 60;

    final GeneratorRating rating;
    final CellGrid grid;
    final Series cleanPower;
    final int spikesRemoved;
    final CellSeries power;
    final CellSeries running;
    final Series runningSamples;
    private final CounterCells energy;
    private final CounterCells hours;
    private final CounterCells starts;
    private final CounterCells fuel;
    private final CellSeries fuelRate;

    private GeneratorCells(GeneratorRating rating, CellGrid grid, Series cleanPower, int spikesRemoved,
                           CellSeries power, CellSeries running, Series runningSamples, CounterCells[] counters,
                           CellSeries fuelRate) {
        this.rating = rating;
        this.grid = grid;
        this.cleanPower = cleanPower;
        this.spikesRemoved = spikesRemoved;
        this.power = power;
        this.running = running;
        this.runningSamples = runningSamples;
        this.energy = counters[0];
        this.hours = counters[1];
        this.starts = counters[2];
        this.fuel = counters[3];
        this.fuelRate = fuelRate;
    }

    static GeneratorCells of(GeneratorRating rating, GeneratorSignals s, CellGrid grid, PowerSettings settings) {
        PowerSettings.SignalRules rules = settings.signal();
        GapPolicy gaps = new GapPolicy(rules.maxGap().toMillis(), rules.maxBridge().toMillis());
        double maxKw = rules.maxLoadFactor() * rating.ratedKw();
        HampelFilter.Result filtered = SampledPower.clean(s.power(), s.running(), s.apparent(), rating.ratedKw(),
            rules);
        Series clean = filtered.series();
        boolean fromPower = s.running().isEmpty();
        Series runningSamples = fromPower ? SampledPower.above(clean, rules.runningThreshold() * rating.ratedKw())
            : ValueBounds.within(s.running(), 0, 1);
        CounterCells[] counters = {
            CounterCells.of(s.energy(), maxKw, 1, grid, gaps),
            CounterCells.of(s.engineHours(), 1, 0.01, grid, gaps),
            CounterCells.of(s.starts(), STARTS_PER_HOUR, 1, grid, gaps),
            CounterCells.of(s.fuelUsed(), 1.5 * rating.expectedFuel(1, maxKw), 1, grid, gaps)};
        return new GeneratorCells(rating, grid, clean, filtered.replaced(),
            CellResampler.resample(clean, grid, gaps, SampledPower.POWER),
            CellResampler.resample(runningSamples, grid, gaps, fromPower ? SampledPower.POWER : SampledPower.RUNNING),
            runningSamples, counters, CellResampler.resample(ValueBounds.within(s.fuelRate(), 0, Double.MAX_VALUE),
                grid, gaps, Metric.FUEL_RATE.sampling()));
    }

    /** Energy delivered over cells {@code [a, b)}, kWh: the counter, else the integral of power. */
    CoveredValue energy(int a, int b) {
        return energy.present() ? energy.increase(a, b) : CounterCells.integral(power, a, b);
    }

    /** Running hours over cells {@code [a, b)}: the counter, else the time the running state was 1. */
    CoveredValue runHours(int a, int b) {
        return hours.present() ? hours.increase(a, b) : CounterCells.integral(running, a, b);
    }

    /** Starts over cells {@code [a, b)}: the counter, else the stopped-to-running changes of the state. */
    CoveredValue starts(int a, int b) {
        if (starts.present()) {
            return starts.increase(a, b);
        }
        if (runningSamples.isEmpty()) {
            return CoveredValue.unknown();
        }
        int count = 0;
        Series s = runningSamples.slice(grid.start(a) - 1, grid.end(b - 1));
        for (int i = 1; i < s.size(); i++) {
            if (s.value(i) >= 0.5 && s.value(i - 1) < 0.5 && s.time(i) >= grid.start(a)) {
                count++;
            }
        }
        return new CoveredValue(count, running.measuredShare(a, b));
    }

    /** Fuel burned over cells {@code [a, b)}, litres: the flow meter's counter, else the integral of the rate. */
    CoveredValue fuel(int a, int b) {
        return fuel.present() ? fuel.increase(a, b) : CounterCells.integral(fuelRate, a, b);
    }

    /** Whether energy comes from the counter. */
    boolean energyFromCounter() {
        return energy.present();
    }

    /** Whether running hours come from the counter. */
    boolean hoursFromCounter() {
        return hours.present();
    }

    /** Hours the set ran in cell {@code c} (0 when unknown). */
    double runHoursIn(int c) {
        return running.known(c) ? running.mean(c) * running.knownShare(c) * grid.hours(c) : 0;
    }

    /** Load factor while running in cell {@code c}, {@code NaN} when it did not run or power is unknown. */
    double loadFactor(int c) {
        if (!running.known(c) || !power.known(c) || running.mean(c) <= 0) {
            return Double.NaN;
        }
        return Math.max(0, power.mean(c)) / (rating.ratedKw() * running.mean(c));
    }

    /** Measured share of the power and running signals over cells {@code [a, b)} (the lower of the two). */
    double signalCoverage(int a, int b) {
        return Math.min(power.measuredShare(a, b), running.measuredShare(a, b));
    }
}

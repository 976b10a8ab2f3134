package org.smartcamp.analytics.power;

import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.CounterTrack;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;
import org.smartcamp.analytics.series.ValueBounds;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * A non-diesel source on the grid: its power per cell (kW, positive when supplying; a battery is negative while
 * charging) and, when it has one, its energy counter; for the outage verdict also its power readings, how the
 * catalogue says they stand (a meter's interval mean or an instant value) and its rating in kW.
 */
final class SourceCells {
    final String assetId;
    final CellSeries power;
    final long spacingMs;
    final Series readings;
    final Sampling sampling;
    final double ratingKw;
    private final CounterTrack counter;
    private final CellSeries counterCoverage;

    private SourceCells(String assetId, CellSeries power, long spacingMs, Readings readings, CounterTrack counter,
                        CellSeries counterCoverage) {
        this.assetId = assetId;
        this.power = power;
        this.spacingMs = spacingMs;
        this.readings = readings.series;
        this.sampling = readings.sampling;
        this.ratingKw = readings.ratingKw;
        this.counter = counter;
        this.counterCoverage = counterCoverage;
    }

    /** A source's power readings (kW), how they stand and the source's rating (kW). */
    private record Readings(Series series, Sampling sampling, double ratingKw) {
    }

    /** A PV array: power within {@code [0, 1.2 kWp]}, energy from {@code pv.energy} when present. */
    static SourceCells pv(CampPlant.Pv rating, PvSignals s, CellGrid grid, GapPolicy gaps) {
        Series power = ValueBounds.within(s.power(), 0, 1.2 * rating.ratedKwp());
        return new SourceCells(rating.assetId(), CellResampler.resample(power, grid, gaps),
            SeriesSpacing.median(power, gaps.maxGapMs()),
            new Readings(power, Metric.PV_POWER.sampling(), rating.ratedKwp()),
            CounterTrack.of(s.energy(), 1.5 * rating.ratedKwp(), 1),
            CellResampler.resample(s.energy(), grid, gaps));
    }

    /**
     * A battery: power {@code current * voltage / 1000}, the voltage taken at the current's time or nominal;
     * without current readings, the change of the state of charge (smoothed over half an hour) times the capacity,
     * corrected by the one-way efficiency. Its rating for the outage verdict is its capacity delivered in an hour.
     */
    static SourceCells battery(CampPlant.Battery rating, BatterySignals s, CellGrid grid, GapPolicy gaps,
                               double efficiency) {
        boolean fromSoc = s.current().isEmpty();
        Series power = fromSoc ? BatteryPower.fromSoc(s.soc(), rating.capacityKwh(), efficiency)
            : BatteryPower.fromCurrent(s.current(), s.voltage(), gaps.maxGapMs(), rating.nominalVoltage());
        // the state-of-charge fallback gives the power from each reading to the next, so it holds like an instant one
        Sampling sampling = fromSoc ? Sampling.INSTANT : Metric.BATTERY_CURRENT.sampling();
        return new SourceCells(rating.assetId(), CellResampler.resample(power, grid, gaps),
            SeriesSpacing.median(power, gaps.maxGapMs()), new Readings(power, sampling, rating.capacityKwh()),
            CounterTrack.of(Series.empty(), 0, 0),
            CellSeries.unknown(grid));
    }

    /** Energy supplied over cells {@code [a, b)}: the counter when present, else the positive power integral. */
    CoveredValue supplied(int a, int b) {
        if (!counter.isEmpty()) {
            double v = counter.increase(power.grid().start(a), power.grid().end(b - 1));
            return Double.isNaN(v) ? CoveredValue.unknown() : new CoveredValue(v, counterCoverage.measuredShare(a, b));
        }
        return signedIntegral(a, b, 1);
    }

    /** Energy taken (a battery charging) over cells {@code [a, b)}, from the negative power integral. */
    CoveredValue taken(int a, int b) {
        return signedIntegral(a, b, -1);
    }

    /** Whether the source has any power readings. */
    boolean hasPower() {
        return power.knownShare(0, power.size()) > 0;
    }

    private CoveredValue signedIntegral(int a, int b, int sign) {
        if (power.knownShare(a, b) == 0) {
            return CoveredValue.unknown();
        }
        double sum = 0;
        for (int c = a; c < b; c++) {
            if (power.known(c)) {
                sum += Math.max(0, sign * power.mean(c)) * power.knownShare(c) * power.grid().hours(c);
            }
        }
        return new CoveredValue(sum, power.measuredShare(a, b));
    }
}

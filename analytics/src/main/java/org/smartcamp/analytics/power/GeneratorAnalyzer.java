package org.smartcamp.analytics.power;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.GridPeriods;

/**
 * The per-generator power analytics: energy, running hours, starts, load factor and its distribution, hours in the
 * low-load, wet-stacking, overload and target bands, SFC against the curve, the fuel lost to low loading, per hour,
 * per UTC day and in total, and the LOW_LOAD, OVERLOAD and SFC_DEGRADATION events. Pure: readings in, figures out.
 */
public final class GeneratorAnalyzer {
    private final PowerSettings settings;

    public GeneratorAnalyzer(PowerSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses {@code [from, to)}; {@code from} must fall on a whole {@code power.cell} (a minute by default).
     *
     * @throws IllegalArgumentException when the period is empty or misaligned
     */
    public GeneratorReport analyze(GeneratorRating rating, GeneratorSignals signals, Instant from, Instant to) {
        CellGrid grid = GridPeriods.aligned(from, to, settings.signal().cell().toMillis());
        return analyze(GeneratorCells.of(rating, signals, grid, settings));
    }

    GeneratorReport analyze(GeneratorCells cells) {
        GeneratorFigures figures = new GeneratorFigures(cells, settings);
        List<GeneratorBucket> hourly = new ArrayList<>();
        for (GridPeriods.Range h : GridPeriods.of(cells.grid, ChronoUnit.HOURS)) {
            hourly.add(figures.hour(h.from(), h.to()));
        }
        List<GeneratorBucket> daily = new ArrayList<>();
        for (GridPeriods.Range d : GridPeriods.of(cells.grid, ChronoUnit.DAYS)) {
            daily.add(figures.period(d.from(), d.to(), penalty(hourly, cells.grid.start(d.from()),
                cells.grid.end(d.to() - 1))));
        }
        GeneratorBucket total = figures.period(0, cells.grid.size(), penalty(hourly, cells.grid.from(),
            cells.grid.to()));
        List<DetectedEvent> events = new ArrayList<>(new LoadEventDetector(settings).detect(cells));
        events.addAll(new SfcMonitor(settings).detect(cells.rating, daily));
        return new GeneratorReport(cells.rating, Instant.ofEpochMilli(cells.grid.from()),
            Instant.ofEpochMilli(cells.grid.to()), total, hourly, daily, histogram(cells), events,
            cells.energyFromCounter(), cells.hoursFromCounter(), cells.spikesRemoved);
    }

    /** The hours' penalties summed over {@code [from, to)}, covered as the hours are on average. */
    private static CoveredValue penalty(List<GeneratorBucket> hourly, long from, long to) {
        double sum = 0;
        double weighted = 0;
        double hours = 0;
        for (GeneratorBucket h : hourly) {
            long s = h.start().toEpochMilli();
            if (s >= from && s < to) {
                double len = (h.end().toEpochMilli() - s) / 3_600_000.0;
                sum += h.lowLoadPenaltyL().orElse(0);
                weighted += h.lowLoadPenaltyL().coverage() * len;
                hours += len;
            }
        }
        return hours == 0 ? CoveredValue.unknown() : new CoveredValue(sum, weighted / hours);
    }

    private LoadHistogram histogram(GeneratorCells cells) {
        double width = settings.signal().histogramBinWidth();
        int bins = (int) Math.ceil(settings.signal().maxLoadFactor() / width - 1e-9);
        double[] hours = new double[bins];
        for (int c = 0; c < cells.grid.size(); c++) {
            double lf = cells.loadFactor(c);
            if (!Double.isNaN(lf)) {
                hours[Math.min(bins - 1, (int) Math.floor(lf / width + 1e-9))] += cells.runHoursIn(c);
            }
        }
        return new LoadHistogram(width, hours, cells.signalCoverage(0, cells.grid.size()));
    }
}

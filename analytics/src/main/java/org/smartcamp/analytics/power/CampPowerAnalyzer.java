package org.smartcamp.analytics.power;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.GridPeriods;

/**
 * The camp-level power analytics: energy by source, load, renewable fraction, diesel displaced by solar, battery
 * cycles, availability and outages (with MTBF and MTTR), right-sizing / N+1 and consolidation, per hour, per UTC
 * day and in total, with every generator's own report. Pure: readings in, figures out.
 */
public final class CampPowerAnalyzer {
    private final PowerSettings settings;

    public CampPowerAnalyzer(PowerSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses {@code [from, to)}; {@code from} must fall on a whole {@code power.cell}.
     *
     * @throws IllegalArgumentException when the period is empty or misaligned
     */
    public CampPowerReport analyze(CampPlant plant, CampSignals signals, Instant from, Instant to) {
        CellGrid grid = GridPeriods.aligned(from, to, settings.signal().cell().toMillis());
        CampCells cells = CampCells.of(plant, signals, grid, settings);
        CampFigures figures = new CampFigures(cells, settings);
        List<CampBucket> hourly = new ArrayList<>();
        GridPeriods.of(grid, ChronoUnit.HOURS).forEach(r -> hourly.add(figures.bucket(r.from(), r.to())));
        List<CampBucket> daily = new ArrayList<>();
        GridPeriods.of(grid, ChronoUnit.DAYS).forEach(r -> daily.add(figures.bucket(r.from(), r.to())));
        GeneratorAnalyzer generatorAnalyzer = new GeneratorAnalyzer(settings);
        List<GeneratorReport> generators = new ArrayList<>();
        List<DetectedEvent> events = new ArrayList<>(cells.outages.events());
        for (GeneratorCells g : cells.generators) {
            GeneratorReport report = generatorAnalyzer.analyze(g);
            generators.add(report);
            events.addAll(report.events());
        }
        return new CampPowerReport(plant.campId(), from, to, figures.bucket(0, grid.size()), hourly, daily,
            summary(figures, cells), new SizingAdvisor(settings).advise(cells), generators, events);
    }

    private static OutageSummary summary(CampFigures figures, CampCells cells) {
        double[] h = figures.upDownHours(0, cells.grid.size());
        int n = cells.outages.events().size();
        double total = (cells.grid.to() - cells.grid.from()) / 3_600_000.0;
        CoveredValue availability = h[0] + h[1] == 0 ? CoveredValue.unknown()
            : new CoveredValue(h[0] / (h[0] + h[1]), (h[0] + h[1]) / total);
        return new OutageSummary(n, h[0], h[1], availability, n == 0 ? null : h[0] / n, n == 0 ? null : h[1] / n);
    }
}

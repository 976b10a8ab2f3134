package org.smartcamp.analytics.assets;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.smartcamp.analytics.power.CounterCells;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.power.DailyFigures;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.CellResampler;
import org.smartcamp.analytics.series.CellSeries;
import org.smartcamp.analytics.series.GapPolicy;
import org.smartcamp.analytics.series.GridPeriods;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.ValueBounds;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * A water pump's use per UTC day: the hours it ran ({@link Figure#PUMP_H}, the time its running state was 1), the
 * water it pumped ({@link Figure#WATER_PUMPED_L}: the rise of its {@code water.flow} counter, else the integral of
 * its {@code pump.flow_rate}) and its utilization ({@link Figure#UTILIZATION_PCT}: pumping hours against the
 * available hours, {@code asset.availableHoursPerDay}). Pure: readings in, figures out.
 */
public final class PumpUsage {
    private static final long CELL_MS = 60_000;
    /** A counter rising faster than this (100 m³/h) is a glitch, not water. */
    private static final double MAX_LITRES_PER_HOUR = 100_000;

    private final AssetSettings settings;

    public PumpUsage(AssetSettings settings) {
        this.settings = settings;
    }

    /**
     * The daily figures of pump {@code assetId} over {@code [from, to)}; {@code from} must fall on a whole minute.
     * A day without readings has no figures (not zeros).
     *
     * @throws IllegalArgumentException when the period is empty or misaligned
     */
    public List<DailyFigure> daily(String assetId, Series running, Series pumpedCounter, Series flowRateLph,
                                   Instant from, Instant to) {
        CellGrid grid = GridPeriods.aligned(from, to, CELL_MS);
        GapPolicy gaps = new GapPolicy(settings.maxGap().toMillis(), settings.maxBridge().toMillis());
        CellSeries on = CellResampler.resample(ValueBounds.within(running, 0, 1), grid, gaps);
        CounterCells counter = CounterCells.of(pumpedCounter, MAX_LITRES_PER_HOUR, 1, grid, gaps);
        CellSeries rate = CellResampler.resample(ValueBounds.within(flowRateLph, 0, MAX_LITRES_PER_HOUR), grid, gaps);
        DailyFigures rows = new DailyFigures(Subject.ASSET, assetId);
        for (GridPeriods.Range d : GridPeriods.of(grid, ChronoUnit.DAYS)) {
            CoveredValue hours = CounterCells.integral(on, d.from(), d.to());
            double available = (grid.end(d.to() - 1) - grid.start(d.from())) / 3_600_000.0
                * settings.availableHoursPerDay() / 24;
            CoveredValue litres = counter.present() ? counter.increase(d.from(), d.to())
                : CounterCells.integral(rate, d.from(), d.to());
            rows.day(Instant.ofEpochMilli(grid.start(d.from())))
                .add(Figure.PUMP_H, hours)
                .add(Figure.WATER_PUMPED_L, litres)
                .add(Figure.UTILIZATION_PCT, hours.known()
                    ? new CoveredValue(hours.value() * 100 / available, hours.coverage()) : hours);
        }
        return rows.rows();
    }
}

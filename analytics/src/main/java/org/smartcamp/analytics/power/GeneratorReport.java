package org.smartcamp.analytics.power;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.DailyFigure;
import java.time.Instant;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;

/**
 * What the power analytics found for one generator over {@code [from, to)}.
 *
 * @param rating            the set's rating and fuel curve
 * @param from              analysis start
 * @param to                analysis end (exclusive)
 * @param total             the figures over the whole period
 * @param hourly            per UTC hour
 * @param daily             per UTC day
 * @param histogram         running hours per load-factor bin
 * @param events            LOW_LOAD, OVERLOAD and SFC_DEGRADATION events with their evidence
 * @param energyFromCounter whether energy came from the {@code energy.active} counter (else the power integral)
 * @param hoursFromCounter  whether running hours came from the {@code engine.hours} counter (else the state)
 * @param spikesRemoved     power readings replaced by the spike filter
 */
public record GeneratorReport(GeneratorRating rating, Instant from, Instant to, GeneratorBucket total,
                              List<GeneratorBucket> hourly, List<GeneratorBucket> daily, LoadHistogram histogram,
                              List<DetectedEvent> events, boolean energyFromCounter, boolean hoursFromCounter,
                              int spikesRemoved) {

    public GeneratorReport {
        hourly = List.copyOf(hourly);
        daily = List.copyOf(daily);
        events = List.copyOf(events);
    }

    /** The asset id. */
    public String assetId() {
        return rating.assetId();
    }

    /** The {@code analytics_daily} rows of the generator, one set per UTC day. */
    public List<DailyFigure> dailyFigures() {
        DailyFigures rows = new DailyFigures(Subject.ASSET, rating.assetId());
        for (GeneratorBucket d : daily) {
            rows.day(d.start())
                .add(Figure.ENERGY_KWH, d.energyKwh())
                .add(Figure.RUNNING_H, d.runningHours())
                .add(Figure.STARTS, d.starts())
                .add(Figure.LOAD_FACTOR_AVG, d.loadFactor())
                .add(Figure.FUEL_L, d.fuelL())
                .add(Figure.FUEL_EXPECTED_L, d.expectedFuelL())
                .add(Figure.SFC_L_PER_KWH, d.sfc())
                .add(Figure.SFC_EXPECTED_L_PER_KWH, d.expectedSfc())
                .add(Figure.LOW_LOAD_H, d.lowLoadHours())
                .add(Figure.WET_STACKING_H, d.wetStackingHours())
                .add(Figure.HIGH_LOAD_H, d.highLoadHours())
                .add(Figure.OVERLOAD_H, d.overloadHours())
                .add(Figure.TARGET_BAND_H, d.targetBandHours())
                .add(Figure.LOW_LOAD_FUEL_PENALTY_L, d.lowLoadPenaltyL());
        }
        return rows.rows();
    }
}

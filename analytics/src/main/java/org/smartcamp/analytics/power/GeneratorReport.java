package org.smartcamp.analytics.power;

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
                .add("energy_kwh", d.energyKwh(), "kWh")
                .add("running_h", d.runningHours(), "h")
                .add("starts", d.starts(), "count")
                .add("load_factor_avg", d.loadFactor(), "1")
                .add("fuel_l", d.fuelL(), "L")
                .add("fuel_expected_l", d.expectedFuelL(), "L")
                .add("sfc_l_per_kwh", d.sfc(), "L/kWh")
                .add("sfc_expected_l_per_kwh", d.expectedSfc(), "L/kWh")
                .add("low_load_h", d.lowLoadHours(), "h")
                .add("wet_stacking_h", d.wetStackingHours(), "h")
                .add("high_load_h", d.highLoadHours(), "h")
                .add("overload_h", d.overloadHours(), "h")
                .add("target_band_h", d.targetBandHours(), "h")
                .add("low_load_fuel_penalty_l", d.lowLoadPenaltyL(), "L");
        }
        return rows.rows();
    }
}

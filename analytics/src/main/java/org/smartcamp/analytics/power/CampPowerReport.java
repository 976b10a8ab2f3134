package org.smartcamp.analytics.power;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.DailyFigure;
import java.time.Instant;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;

/**
 * What the power analytics found for one camp over {@code [from, to)}.
 *
 * @param campId     the camp
 * @param from       analysis start
 * @param to         analysis end (exclusive)
 * @param total      the camp's figures over the whole period
 * @param hourly     per UTC hour
 * @param daily      per UTC day
 * @param outages    availability, outages, MTBF and MTTR over the period
 * @param sizing     right-sizing, N+1 and consolidation
 * @param generators each generator's report
 * @param events     OUTAGE events of the camp (asset id = camp id) and the generators' events
 */
public record CampPowerReport(String campId, Instant from, Instant to, CampBucket total, List<CampBucket> hourly,
                              List<CampBucket> daily, OutageSummary outages, SizingReport sizing,
                              List<GeneratorReport> generators, List<DetectedEvent> events) {

    public CampPowerReport {
        hourly = List.copyOf(hourly);
        daily = List.copyOf(daily);
        generators = List.copyOf(generators);
        events = List.copyOf(events);
    }

    /** The {@code analytics_daily} rows of the camp and of its generators. */
    public List<DailyFigure> dailyFigures() {
        DailyFigures rows = new DailyFigures(Subject.CAMP, campId);
        for (CampBucket d : daily) {
            rows.day(d.start())
                .add(Figure.GENERATOR_KWH, d.generatorKwh())
                .add(Figure.PV_KWH, d.pvKwh())
                .add(Figure.BATTERY_DISCHARGE_KWH, d.batteryDischargeKwh())
                .add(Figure.BATTERY_CHARGE_KWH, d.batteryChargeKwh())
                .add(Figure.LOAD_KWH, d.loadKwh())
                .add(Figure.RENEWABLE_FRACTION, d.renewableFraction())
                .add(Figure.DIESEL_DISPLACED_L, d.dieselDisplacedL())
                .add(Figure.BATTERY_CYCLES, d.batteryCycles())
                .add(Figure.AVAILABILITY, d.availability())
                .add(Figure.OUTAGE_H, d.outageHours());
        }
        List<DailyFigure> out = new java.util.ArrayList<>(rows.rows());
        generators.forEach(g -> out.addAll(g.dailyFigures()));
        return List.copyOf(out);
    }
}

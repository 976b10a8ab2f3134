package org.smartcamp.analytics.assets;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.CurrentFigure;
import org.smartcamp.analytics.store.DailyFigure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.power.DailyFigures;

/**
 * How one asset (vehicle or generator) was used over {@code [from, to)}.
 *
 * @param rating           the asset
 * @param from             analysis start
 * @param to               analysis end (exclusive)
 * @param total            usage over the whole period
 * @param daily            usage per UTC day
 * @param idleRate         the idle consumption behind the idle litres
 * @param lastUsed         the last time the engine ran, or {@code null} when not seen running
 * @param daysSinceLastUse days from {@code lastUsed} to {@code to}; unknown when never seen running
 * @param unusedDays       days of the period (with at least {@code asset.minDayCoverage} data) without use
 * @param judgedDays       days with enough data to tell
 * @param engineHoursNow   the engine-hours counter at its last reading
 * @param hoursToService   engine hours left before the next service (negative: overdue)
 * @param serviceBasis     {@code last_service} (from the asset's attribute) or {@code interval} (the next multiple
 *                         of the service interval)
 * @param daysToService    {@code hoursToService} at the period's mean engine hours per day
 */
public record AssetReport(AssetRating rating, Instant from, Instant to, AssetBucket total, List<AssetBucket> daily,
                          IdleRate idleRate, Instant lastUsed, CoveredValue daysSinceLastUse, int unusedDays,
                          int judgedDays, CoveredValue engineHoursNow, CoveredValue hoursToService,
                          String serviceBasis, CoveredValue daysToService) {

    public AssetReport {
        daily = List.copyOf(daily);
    }

    /** The {@code analytics_daily} rows of the asset. */
    public List<DailyFigure> dailyFigures() {
        DailyFigures rows = new DailyFigures(Subject.ASSET, rating.assetId());
        for (AssetBucket d : daily) {
            rows.day(d.start())
                .add(Figure.ENGINE_H, d.engineHours())
                .add(Figure.IDLE_H, d.idleHours())
                .add(Figure.UTILIZATION_PCT, d.utilizationPct())
                .add(Figure.IDLE_RATIO, d.idleRatio())
                .add(Figure.DISTANCE_KM, d.distanceKm())
                .add(Figure.FUEL_USED_L, d.fuelL())
                .add(Figure.L_PER_100KM, d.litresPer100Km())
                .add(Figure.L_PER_ENGINE_H, d.litresPerEngineHour())
                .add(Figure.IDLE_L, d.idleLitres());
        }
        return rows.rows();
    }

    /** The {@code analytics_current} rows of the asset, as of {@code to}. */
    public List<CurrentFigure> currentFigures() {
        List<CurrentFigure> rows = new ArrayList<>();
        if (hoursToService.known()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("basis", serviceBasis);
            detail.put("service_interval_h", rating.serviceIntervalHours());
            detail.put("engine_hours_now", engineHoursNow.value());
            if (daysToService.known()) {
                detail.put("days_to_service", daysToService.value());
            }
            rows.add(row(Figure.HOURS_TO_SERVICE, hoursToService, detail));
        }
        if (daysSinceLastUse.known()) {
            rows.add(row(Figure.DAYS_UNUSED, daysSinceLastUse, Map.of("last_used", lastUsed.toString(),
                "unused_days_in_period", unusedDays, "judged_days", judgedDays)));
        }
        rows.add(row(Figure.IDLE_RATE_LPH, new CoveredValue(idleRate.litresPerHour(), 1),
            Map.of("source", idleRate.source())));
        return rows;
    }

    private CurrentFigure row(Figure figure, CoveredValue v, Map<String, Object> detail) {
        return new CurrentFigure(Subject.ASSET, rating.assetId(), figure.id(), v.value(), figure.unit(), null, null,
            v.coverage(), to,
            detail);
    }
}

package org.smartcamp.analytics.assets;

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
                .add("engine_h", d.engineHours(), "h")
                .add("idle_h", d.idleHours(), "h")
                .add("utilization_pct", d.utilizationPct(), "%")
                .add("idle_ratio", d.idleRatio(), "1")
                .add("distance_km", d.distanceKm(), "km")
                .add("fuel_used_l", d.fuelL(), "L")
                .add("l_per_100km", d.litresPer100Km(), "L/100km")
                .add("l_per_engine_h", d.litresPerEngineHour(), "L/h")
                .add("idle_l", d.idleLitres(), "L");
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
            rows.add(row("hours_to_service", hoursToService, "h", detail));
        }
        if (daysSinceLastUse.known()) {
            rows.add(row("days_unused", daysSinceLastUse, "d", Map.of("last_used", lastUsed.toString(),
                "unused_days_in_period", unusedDays, "judged_days", judgedDays)));
        }
        rows.add(row("idle_rate_lph", new CoveredValue(idleRate.litresPerHour(), 1), "L/h",
            Map.of("source", idleRate.source())));
        return rows;
    }

    private CurrentFigure row(String figure, CoveredValue v, String unit, Map<String, Object> detail) {
        return new CurrentFigure(Subject.ASSET, rating.assetId(), figure, v.value(), unit, null, null, v.coverage(), to,
            detail);
    }
}

package org.smartcamp.analytics.assets;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.power.CoveredValue;
import org.smartcamp.analytics.series.CellGrid;
import org.smartcamp.analytics.series.GridPeriods;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.AssetKind;

/**
 * Asset utilization: engine hours, utilization, idle ratio, distance, fuel per 100 km and per engine hour, idle
 * litres, days unused and hours to the next service, per UTC day and in total. Pure: readings in, figures out.
 */
public final class AssetUsageAnalyzer {
    private static final long CELL_MS = 60_000;
    private static final double MS_PER_DAY = 86_400_000.0;

    private final AssetSettings settings;

    public AssetUsageAnalyzer(AssetSettings settings) {
        this.settings = settings;
    }

    /**
     * Analyses {@code [from, to)}; {@code from} must fall on a whole minute.
     *
     * @throws IllegalArgumentException when the period is empty or misaligned
     */
    public AssetReport analyze(AssetRating rating, UsageSignals signals, Instant from, Instant to) {
        CellGrid grid = GridPeriods.aligned(from, to, CELL_MS);
        UsageCells cells = new UsageCells(rating, signals, grid, settings);
        IdleRate idle = rating.kind() == AssetKind.VEHICLE
            ? new IdleRateFit(settings).rate(rating, cells, GridPeriods.of(grid, ChronoUnit.HOURS))
            : new IdleRate(rating.idleLitresPerHour() == null ? settings.idleLitresPerHour()
                : rating.idleLitresPerHour(), rating.idleLitresPerHour() == null ? "default" : "asset", Double.NaN, 0);
        List<AssetBucket> daily = new ArrayList<>();
        int unused = 0;
        int judged = 0;
        for (GridPeriods.Range d : GridPeriods.of(grid, ChronoUnit.DAYS)) {
            AssetBucket b = bucket(cells, d.from(), d.to(), idle);
            daily.add(b);
            if (b.engineHours().known() && b.engineHours().coverage() >= settings.minDayCoverage()) {
                judged++;
                unused += b.engineHours().value() < settings.minActiveHoursPerDay() ? 1 : 0;
            }
        }
        AssetBucket total = bucket(cells, 0, grid.size(), idle);
        Instant lastUsed = lastUsed(signals, to);
        CoveredValue since = lastUsed == null ? CoveredValue.unknown()
            : new CoveredValue(Duration.between(lastUsed, to).toMillis() / MS_PER_DAY, total.engineHours().coverage());
        Service service = service(rating, cells, to, total, grid);
        return new AssetReport(rating, from, to, total, daily, idle, lastUsed, since, unused, judged, service.now,
            service.hoursLeft, service.basis, service.daysLeft);
    }

    private AssetBucket bucket(UsageCells cells, int a, int b, IdleRate idle) {
        CoveredValue engine = cells.engineHours(a, b);
        CoveredValue idleH = cells.idleHours(a, b);
        CoveredValue km = cells.km(a, b);
        CoveredValue fuel = cells.fuel(a, b);
        double available = (cells.grid.end(b - 1) - cells.grid.start(a)) / 3_600_000.0
            * settings.availableHoursPerDay() / 24;
        return new AssetBucket(Instant.ofEpochMilli(cells.grid.start(a)), Instant.ofEpochMilli(cells.grid.end(b - 1)),
            engine, idleH, scaled(engine, 100 / available), ratio(idleH, engine, 0), km, fuel,
            scaled(ratio(fuel, km, 0.1), 100), ratio(fuel, engine, 0.01), scaled(idleH, idle.litresPerHour()));
    }

    private static CoveredValue scaled(CoveredValue v, double factor) {
        return v.known() ? new CoveredValue(v.value() * factor, v.coverage()) : v;
    }

    /** {@code top / bottom} when both are known and {@code bottom > min}. */
    private static CoveredValue ratio(CoveredValue top, CoveredValue bottom, double min) {
        if (!top.known() || !bottom.known() || bottom.value() <= min) {
            return CoveredValue.unknown();
        }
        return new CoveredValue(top.value() / bottom.value(), Math.min(top.coverage(), bottom.coverage()));
    }

    /** The last reading before {@code to} at which the engine-hours counter rose, else the ignition was on. */
    private static Instant lastUsed(UsageSignals s, Instant to) {
        Series hours = s.engineHours().slice(Long.MIN_VALUE, to.toEpochMilli());
        for (int i = hours.size() - 1; i > 0; i--) {
            if (hours.value(i) > hours.value(i - 1)) {
                return hours.instant(i);
            }
        }
        Series ignition = s.ignition().slice(Long.MIN_VALUE, to.toEpochMilli());
        for (int i = ignition.size() - 1; i >= 0; i--) {
            if (ignition.value(i) >= 0.5) {
                return ignition.instant(i);
            }
        }
        return null;
    }

    private static Service service(AssetRating rating, UsageCells cells, Instant to, AssetBucket total,
                                   CellGrid grid) {
        Series hours = cells.engineHours.readings().slice(Long.MIN_VALUE, to.toEpochMilli());
        if (hours.isEmpty()) {
            return new Service(CoveredValue.unknown(), CoveredValue.unknown(), null, CoveredValue.unknown());
        }
        double now = hours.value(hours.size() - 1);
        double interval = rating.serviceIntervalHours();
        boolean known = rating.lastServiceEngineHours() != null;
        double left = known ? rating.lastServiceEngineHours() + interval - now : interval - now % interval;
        double perDay = total.engineHours().orElse(0) / ((grid.to() - grid.from()) / MS_PER_DAY);
        CoveredValue days = perDay > 0 ? new CoveredValue(left / perDay, total.engineHours().coverage())
            : CoveredValue.unknown();
        return new Service(new CoveredValue(now, 1), new CoveredValue(left, 1), known ? "last_service" : "interval",
            days);
    }

    private record Service(CoveredValue now, CoveredValue hoursLeft, String basis, CoveredValue daysLeft) {
    }
}

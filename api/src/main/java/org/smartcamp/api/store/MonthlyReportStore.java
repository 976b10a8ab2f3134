package org.smartcamp.api.store;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.ingest.catalogue.Metric;

/**
 * What the monthly camp report is made of, read with the same store calls the JSON routes use for that month:
 * the month's figures of the camp and its assets ({@code /figures/monthly}), the camp's daily fuel
 * ({@code /figures/daily}), the fuel events ({@code /events}), the tanks' daily {@code fuel.volume} rollups
 * ({@code /readings?bucket=1d}), the tanks' daily accounts ({@code /camps/{camp}/tanks/{tank}/reconciliation}, for
 * the detected leak's litres) and the current days of supply ({@code /figures/current}). Months are UTC months, as
 * the daily figures are per UTC day.
 */
public final class MonthlyReportStore {
    /** Event kinds the report lists. */
    public static final List<EventKind> EVENT_KINDS = List.of(EventKind.REFUEL, EventKind.SHORT_FILL,
        EventKind.THEFT, EventKind.LEAK);

    private MonthlyReportStore() {
    }

    /**
     * The rows of one camp's month, each as the JSON route serves it.
     *
     * @param monthly  {@code /figures/monthly} rows of the camp and its assets (every figure)
     * @param daily    {@code /figures/daily} rows of the camp's {@code fuel_consumed_l}
     * @param events   {@code /events} of the kinds {@link #EVENT_KINDS} overlapping the month
     * @param stock    {@code /readings?bucket=1d&metric=fuel.volume} rows of the camp's tanks
     * @param current  {@code /figures/current} {@code days_of_supply} rows of the camp and its tanks
     * @param supply   asset id to the id of the tank it draws from (inventory links)
     * @param zone     the camp's time zone from the inventory, or null when it has none
     * @param accounts tank id to its daily accounts of the month, as {@code /camps/{camp}/tanks/{tank}/reconciliation}
     *                 serves them (a tank without any is left out)
     * @param truncated whether a listing had more rows than {@code limit}
     */
    public record Data(Registry.Camp camp, YearMonth month, List<Registry.Asset> assets, List<JsonObject> monthly,
                       List<JsonObject> daily, List<JsonObject> events, List<JsonObject> stock,
                       List<JsonObject> current, Map<String, String> supply, java.time.ZoneId zone,
                       Map<String, List<JsonObject>> accounts, boolean truncated) {
    }

    /** The first day of {@code month} (UTC). */
    public static LocalDate from(YearMonth month) {
        return month.atDay(1);
    }

    /** The first day after {@code month} (UTC). */
    public static LocalDate toExclusive(YearMonth month) {
        return month.plusMonths(1).atDay(1);
    }

    /**
     * Reads the month of {@code camp}, the events' explanations in {@code lang}; {@code limit} bounds each listing
     * like the routes' page size.
     */
    public static Data load(Connection c, Registry registry, Registry.Camp camp, YearMonth month, int limit,
                            String lang) throws SQLException {
        List<Registry.Asset> assets = registry.assetsOf(List.of(camp.id()));
        List<String> ids = assets.stream().map(Registry.Asset::id).toList();
        LocalDate from = from(month);
        LocalDate to = toExclusive(month);
        Subjects all = new Subjects(List.of(camp.id()), ids, List.of(camp.id()), List.of("%"));
        Page monthly = AnalyticsStore.figures(c, registry, all, AnalyticsStore.Period.MONTH, from, to, null, limit);
        Subjects campFuel = new Subjects(List.of(camp.id()), List.of(), List.of(),
            List.of(Subjects.patternOf(Figure.FUEL_CONSUMED_L)));
        Page daily = AnalyticsStore.daily(c, registry, campFuel, from, to, null, limit);
        Page events = AnalyticsStore.events(c, new EventQuery(List.of(camp.id()), List.of(),
            EVENT_KINDS.stream().map(EventKind::id).toList(), from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            to.atStartOfDay(ZoneOffset.UTC).toInstant(), null, limit), lang);
        List<Integer> tanks = assets.stream().filter(a -> AssetKind.FUEL_TANK.code().equals(a.kind()))
            .map(Registry.Asset::ref).toList();
        Registry.Metric volume = registry.metric(Metric.FUEL_VOLUME.wireName());
        Page stock = tanks.isEmpty() || volume == null ? new Page.Builder(limit).build()
            : ReadingsStore.read(c, registry, new ReadingsQuery(tanks, List.of(volume.id()),
                from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.atStartOfDay(ZoneOffset.UTC).toInstant(),
                Bucket.D1, null, limit));
        Subjects supply = new Subjects(List.of(camp.id()), ids, List.of(camp.id()),
            List.of(Subjects.patternOf(Figure.DAYS_OF_SUPPLY)));
        Page current = AnalyticsStore.current(c, registry, supply, null, limit);
        boolean truncated = List.of(monthly, daily, events, stock, current).stream().anyMatch(p -> p.next() != null);
        Map<String, List<JsonObject>> accounts = new LinkedHashMap<>();
        for (Registry.Asset tank : assets) {
            if (AssetKind.FUEL_TANK.code().equals(tank.kind())) {
                List<JsonObject> days = AnalyticsStore.tankAccounts(c, tank, from, to, limit);
                truncated |= days.size() >= limit;
                if (!days.isEmpty()) {
                    accounts.put(tank.id(), days);
                }
            }
        }
        return new Data(camp, month, assets, monthly.items(), daily.items(), events.items(), stock.items(),
            current.items(), supplyTanks(c, camp.id()), zone(c, camp.id()), accounts, truncated);
    }

    /** The camp's time zone, or null when the inventory gives none (the loader refuses an unknown zone id). */
    private static java.time.ZoneId zone(Connection c, String camp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.CAMP_TIMEZONE)) {
            ps.setString(1, camp);
            try (ResultSet rs = ps.executeQuery()) {
                String zone = rs.next() ? rs.getString(1) : null;
                try {
                    return zone == null || zone.isBlank() ? null : java.time.ZoneId.of(zone);
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
    }

    private static Map<String, String> supplyTanks(Connection c, String camp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.SUPPLY_TANKS)) {
            ps.setString(1, camp);
            Map<String, String> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        }
    }
}

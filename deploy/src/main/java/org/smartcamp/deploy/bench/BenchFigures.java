package org.smartcamp.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analytics side of the API bench's data: daily figures per asset and camp per day under the names the
 * analyzers emit (power and generator reports, asset reports, counter figures, data quality), current figures,
 * detected events with evidence JSON like the detectors store, and the camps' gateways.
 */
final class BenchFigures {
    /** A figure name with its unit and typical daily value. */
    record Figure(String name, String unit, double base) {
    }

    /** Which events of a kind an asset gets: every {@code every}, lasting {@code length}, of {@code quantity}. */
    record EventPlan(String assetId, String kind, Duration every, Duration length, double quantity, String unit,
                     String metric) {
    }

    static final Map<String, List<Figure>> BY_KIND = Map.of(
        "generator", List.of(f("energy_kwh", "kWh", 900), f("running_h", "h", 20), f("starts", "count", 2),
            f("load_factor_avg", "1", 0.55), f("fuel_l", "L", 260), f("fuel_expected_l", "L", 250),
            f("fuel_used_l", "L", 260), f("sfc_l_per_kwh", "L/kWh", 0.29), f("sfc_expected_l_per_kwh", "L/kWh", 0.28),
            f("low_load_h", "h", 3), f("wet_stacking_h", "h", 1), f("overload_h", "h", 0.2),
            f("target_band_h", "h", 14), f("low_load_fuel_penalty_l", "L", 6)),
        "fuel_tank", List.of(f("fuel_used_l", "L", 500), f("fuel_lost_l", "L", 2)),
        "pv", List.of(f("energy_kwh", "kWh", 300)),
        "vehicle", List.of(f("engine_h", "h", 6), f("idle_h", "h", 1.5), f("utilization_pct", "%", 40),
            f("idle_ratio", "1", 0.25), f("distance_km", "km", 120), f("fuel_used_l", "L", 35),
            f("l_per_engine_h", "L/h", 5.8), f("idle_l", "L", 4)));
    static final List<Figure> CAMP = List.of(f("generator_kwh", "kWh", 2500), f("pv_kwh", "kWh", 300),
        f("battery_discharge_kwh", "kWh", 150), f("battery_charge_kwh", "kWh", 160), f("load_kwh", "kWh", 2700),
        f("renewable_fraction", "1", 0.11), f("diesel_displaced_l", "L", 80), f("battery_cycles", "1", 0.8),
        f("availability", "1", 0.998), f("outage_h", "h", 0.05), f("generator_energy_kwh", "kWh", 2500),
        f("fuel_used_l", "L", 800));
    private static final List<Figure> CAMP_CURRENT = List.of(f("days_of_supply", "d", 12),
        f("reorder_in_days", "d", 2), f("fuel_stock_l", "L", 30000), f("right_sizing_kw", "kW", 250),
        f("peak_load_kw", "kW", 210));
    private static final List<Figure> TANK_CURRENT = List.of(f("days_of_supply", "d", 9), f("fuel_volume_l", "L",
        15000));
    private static final List<Figure> VEHICLE_CURRENT = List.of(f("hours_to_service", "h", 120),
        f("days_unused", "d", 1), f("idle_rate_lph", "L/h", 2.1));

    /** The camp of every figure a statement seeds (the last parameter): asset ids are unique within their camp. */
    private static final String OF_CAMP = " CROSS JOIN (SELECT ?::text AS id) AS camp";
    private static final String DAILY = "INSERT INTO analytics_daily (subject_kind, subject_id, day, figure, value, "
        + "unit, coverage, computed_at, camp_id) SELECT f.k, f.s, (d AT TIME ZONE 'UTC')::date, f.f, "
        + "f.b * (0.8 + 0.4 * random()), f.u, CASE WHEN random() < 0.04 THEN 0.5 + 0.4 * random() "
        + "ELSE 0.9 + 0.1 * random() END, d + interval '1 day 10 minutes', camp.id "
        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[]) AS f(k, s, f, u, b) "
        + "CROSS JOIN generate_series(?::timestamptz, ?::timestamptz, interval '1 day') AS d" + OF_CAMP;
    private static final String CURRENT = "INSERT INTO analytics_current (subject_kind, subject_id, figure, value, "
        + "unit, low, high, coverage, as_of, detail, camp_id) SELECT f.k, f.s, f.f, f.b, f.u, f.b * 0.85, f.b * 1.15, "
        + "0.97, ?, jsonb_build_object('method', 'bench seed', 'lookback_days', 7), camp.id "
        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[]) AS f(k, s, f, u, b)" + OF_CAMP;
    private static final String TEXT_TIME = "to_char((%s) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
    private static final String EVENTS = "INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at, "
        + "quantity, unit, evidence, detected_at) SELECT ?, e.a, e.k, t, t + e.l, e.q * (0.8 + 0.4 * random()), e.u, "
        + "jsonb_build_object('windowStart', " + TEXT_TIME.formatted("t - e.l") + ", 'windowEnd', "
        + TEXT_TIME.formatted("t + 2 * e.l") + ", 'metric', e.m, 'readings', (SELECT jsonb_agg(jsonb_build_object("
        + "'ts', " + TEXT_TIME.formatted("t + e.l * i / 20") + ", 'value', e.q * i / 20)) "
        + "FROM generate_series(0, 23) AS i), 'figures', jsonb_build_object('litres', e.q, 'threshold_l', e.q / 4, "
        + "'sd_l', e.q / 40), 'explanation', 'bench: ' || e.k || ' of ' || e.a || ' over ' || e.l::text), "
        + "t + e.l + interval '5 minutes' FROM unnest(?::text[], ?::text[], ?::interval[], ?::interval[], "
        + "?::float8[], ?::text[], ?::text[], ?::interval[]) AS e(a, k, every, l, q, u, m, o) "
        + "CROSS JOIN LATERAL generate_series(?::timestamptz + e.o, ?::timestamptz - e.l, e.every) AS t";
    private static final String GATEWAY = "INSERT INTO gateways (camp_id, id, last_seq, last_sent_at, "
        + "last_received_at, messages) VALUES (?, ?, ?, ?, ?, ?)";

    private BenchFigures() {
    }

    private static Figure f(String name, String unit, double base) {
        return new Figure(name, unit, base);
    }

    /** One row per subject, figure and day from {@code from} to the day before {@code end}. */
    static long daily(Connection c, BenchInventory.Camp camp, Map<String, List<String>> metricsByAsset,
                      Instant from, Instant end) throws SQLException {
        Subjects s = new Subjects();
        CAMP.forEach(f -> s.add("camp", camp.id(), f));
        for (BenchInventory.Asset a : camp.assets()) {
            BY_KIND.getOrDefault(a.kind(), List.of()).forEach(f -> s.add("asset", a.id(), f));
            s.add("asset", a.id(), f("completeness", "1", 0.97));
            metricsByAsset.getOrDefault(a.id(), List.of())
                .forEach(m -> s.add("asset", a.id(), f("completeness." + m, "1", 0.97)));
        }
        try (PreparedStatement ps = c.prepareStatement(DAILY)) {
            int i = s.bind(c, ps, 1);
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(end.minus(Duration.ofDays(1))));
            ps.setString(i, camp.id());
            return ps.executeUpdate();
        }
    }

    /** The figures as of {@code end}: every daily figure's latest value, days of supply and the like. */
    static long current(Connection c, BenchInventory.Camp camp, Instant end) throws SQLException {
        Subjects s = new Subjects();
        CAMP.forEach(f -> s.add("camp", camp.id(), f));
        CAMP_CURRENT.forEach(f -> s.add("camp", camp.id(), f));
        for (BenchInventory.Asset a : camp.assets()) {
            BY_KIND.getOrDefault(a.kind(), List.of()).forEach(f -> s.add("asset", a.id(), f));
            List<Figure> extra = switch (a.kind()) {
                case "fuel_tank" -> TANK_CURRENT;
                case "vehicle" -> VEHICLE_CURRENT;
                default -> List.of();
            };
            extra.forEach(f -> s.add("asset", a.id(), f));
        }
        try (PreparedStatement ps = c.prepareStatement(CURRENT)) {
            ps.setTimestamp(1, Timestamp.from(end));
            ps.setString(s.bind(c, ps, 2), camp.id());
            return ps.executeUpdate();
        }
    }

    /** Events over the range: refuels, thefts, leaks, low load, overload, SFC drift, outages, sensor faults. */
    static long events(Connection c, BenchInventory.Camp camp, Instant from, Instant end) throws SQLException {
        List<EventPlan> plans = plans(camp);
        try (PreparedStatement ps = c.prepareStatement(EVENTS)) {
            ps.setString(1, camp.id());
            ps.setArray(2, c.createArrayOf("text", plans.stream().map(EventPlan::assetId).toArray()));
            ps.setArray(3, c.createArrayOf("text", plans.stream().map(EventPlan::kind).toArray()));
            ps.setArray(4, c.createArrayOf("text", plans.stream().map(p -> interval(p.every())).toArray()));
            ps.setArray(5, c.createArrayOf("text", plans.stream().map(p -> interval(p.length())).toArray()));
            ps.setArray(6, c.createArrayOf("float8", plans.stream().map(EventPlan::quantity).toArray()));
            ps.setArray(7, c.createArrayOf("text", plans.stream().map(EventPlan::unit).toArray()));
            ps.setArray(8, c.createArrayOf("text", plans.stream().map(EventPlan::metric).toArray()));
            List<String> offsets = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                offsets.add(interval(Duration.ofMinutes(97L * i % (24 * 60))));
            }
            ps.setArray(9, c.createArrayOf("text", offsets.toArray()));
            ps.setTimestamp(10, Timestamp.from(from));
            ps.setTimestamp(11, Timestamp.from(end));
            return ps.executeUpdate();
        }
    }

    private static List<EventPlan> plans(BenchInventory.Camp camp) {
        List<EventPlan> plans = new ArrayList<>();
        List<BenchInventory.Asset> tanks = camp.ofKind("fuel_tank");
        List<BenchInventory.Asset> gens = camp.ofKind("generator");
        for (BenchInventory.Asset t : tanks) {
            plans.add(new EventPlan(t.id(), "refuel", Duration.ofDays(7), Duration.ofMinutes(40), 8000, "L",
                "fuel.volume"));
        }
        if (!tanks.isEmpty()) {
            String tank = tanks.get(0).id();
            plans.add(new EventPlan(tank, "theft", Duration.ofDays(60), Duration.ofMinutes(30), 150, "L",
                "fuel.volume"));
            plans.add(new EventPlan(tank, "leak", Duration.ofDays(120), Duration.ofDays(3), 60, "L", "fuel.volume"));
            plans.add(new EventPlan(tank, "short_fill", Duration.ofDays(70), Duration.ofMinutes(40), 300, "L",
                "fuel.volume"));
        }
        camp.ofKind("vehicle").forEach(v -> plans.add(new EventPlan(v.id(), "refuel", Duration.ofDays(3),
            Duration.ofMinutes(10), 60, "L", "fuel.level_pct")));
        for (BenchInventory.Asset g : gens) {
            plans.add(new EventPlan(g.id(), "low_load", Duration.ofDays(2), Duration.ofHours(4), 4, "h",
                "power.active"));
        }
        if (!gens.isEmpty()) {
            String gen = gens.get(0).id();
            plans.add(new EventPlan(gen, "overload", Duration.ofDays(30), Duration.ofMinutes(30), 0.5, "h",
                "power.active"));
            plans.add(new EventPlan(gen, "sfc_degradation", Duration.ofDays(90), Duration.ofDays(7), 0.03, "L/kWh",
                "fuel.rate"));
            plans.add(new EventPlan(gen, "outage", Duration.ofDays(45), Duration.ofHours(1), 1, "h", "power.active"));
        }
        for (BenchInventory.Asset a : camp.assets()) {
            plans.add(new EventPlan(a.id(), "stale_sensor", Duration.ofDays(20), Duration.ofHours(6), 6, "h", null));
            plans.add(new EventPlan(a.id(), "flatline", Duration.ofDays(40), Duration.ofHours(12), 12, "h", null));
        }
        return plans;
    }

    /** One row per gateway of the camp's scenario, last heard a minute before {@code end}. */
    static void gateways(Connection c, BenchInventory.Camp camp, Instant end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GATEWAY)) {
            for (String id : camp.gateways()) {
                ps.setString(1, camp.id());
                ps.setString(2, id);
                ps.setLong(3, 500_000);
                ps.setTimestamp(4, Timestamp.from(end.minusSeconds(61)));
                ps.setTimestamp(5, Timestamp.from(end.minusSeconds(60)));
                ps.setLong(6, 500_000);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String interval(Duration d) {
        return d.toSeconds() + " seconds";
    }

    /** Parallel arrays of subjects and figures, bound as five arrays. */
    private static final class Subjects {
        final List<String> kinds = new ArrayList<>();
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> units = new ArrayList<>();
        final List<Double> bases = new ArrayList<>();

        void add(String kind, String id, Figure f) {
            kinds.add(kind);
            ids.add(id);
            names.add(f.name());
            units.add(f.unit());
            bases.add(f.base());
        }

        /** Binds the five arrays from parameter {@code first} on; returns the next parameter's index. */
        int bind(Connection c, PreparedStatement ps, int first) throws SQLException {
            ps.setArray(first, c.createArrayOf("text", kinds.toArray()));
            ps.setArray(first + 1, c.createArrayOf("text", ids.toArray()));
            ps.setArray(first + 2, c.createArrayOf("text", names.toArray()));
            ps.setArray(first + 3, c.createArrayOf("text", units.toArray()));
            ps.setArray(first + 4, c.createArrayOf("float8", bases.toArray()));
            return first + 5;
        }
    }
}

package org.smartcamp.api.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.api.auth.ApiKeys;

/**
 * A camp with known numbers for the dashboard test, written straight into a migrated schema: the registry, 72
 * hours of hourly rollups ending at the current hour, daily and current analytics figures, events with their
 * evidence, gateways, and two API keys. A second camp has tanks but no data at all (the empty states).
 *
 * <p>Hour {@code i} (0..71) starts at {@code firstHour + i h}. Generator {@value #GEN_1} (100 kW) runs hours 0-23
 * at 25 kW, hours 24-47 at 70 kW, half of hour 48 at 70 kW and is off after; so it runs 48.5 h, 24 of them below
 * 30 % load and 24.5 in the 60-80 % band. The vehicle's ignition is on a quarter of each of hours 24-71: 12
 * on-hours in 48 hours with data, 25 %.
 */
final class DashboardFixture {
    static final String MISSION = "unmiss";
    static final String CAMP = "camp-a";
    static final String EMPTY_CAMP = "camp-b";
    static final String TANK_1 = "tank-a1";
    static final String TANK_2 = "tank-a2";
    static final String GEN_1 = "gen-a1";
    static final String GEN_2 = "gen-a2";
    static final String VEHICLE = "veh-a1";
    static final String EMPTY_TANK = "tank-b1";
    static final int HOURS = 72;

    static final double GEN_1_RUNNING_H = 48.5;
    static final double GEN_1_BELOW_30_H = 24;
    static final double GEN_1_TARGET_H = 24.5;
    static final double GEN_1_MEAN_LOAD = (24 * 0.25 + 24.5 * 0.7) / 48.5;
    static final double VEHICLE_ON_H = 12;
    static final double VEHICLE_SHARE = 0.25;
    /** The tank's level at the end of the last hour (the "level now" of the fuel view). */
    static final double TANK_1_LAST_L = volume(HOURS - 1) - 10;
    /** Hours of tank 1 without a bucket (the line must break there). */
    static final int TANK_1_GAP_FROM = 30;
    static final int TANK_1_GAP_TO = 35;

    private static final String MISSION_SQL = "INSERT INTO missions (id, name) VALUES (?, ?)";
    private static final String CAMP_SQL = "INSERT INTO camps (id, mission_id, name, latitude, longitude, population, "
        + "timezone) VALUES (?, ?, ?, ?, ?, ?, 'Africa/Juba')";
    private static final String ASSET_SQL = "INSERT INTO assets (id, camp_id, kind, name, rated_kw, capacity_l, "
        + "unusable_l) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String REF_SQL = "SELECT ref FROM assets WHERE id = ?";
    private static final String METRIC_SQL = "SELECT id FROM metrics WHERE name = ?";
    private static final String HOURLY_SQL = "INSERT INTO readings_hourly (asset_ref, metric_id, bucket, samples, "
        + "avg, min, max, first, last) VALUES (?, ?, ?, 60, ?, ?, ?, ?, ?)";
    private static final String DAILY_SQL = "INSERT INTO analytics_daily (subject_kind, subject_id, day, figure, "
        + "value, unit, coverage, computed_at, camp_id) VALUES (?, ?, ?, ?, ?, ?, ?, now(), '" + CAMP + "')";
    private static final String CURRENT_SQL = "INSERT INTO analytics_current (subject_kind, subject_id, figure, value, "
        + "unit, low, high, coverage, as_of, detail, camp_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, '" + CAMP
        + "')";
    private static final String EVENT_SQL = "INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, "
        + "ends_at, quantity, unit, evidence, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, now()) RETURNING id";
    private static final String GATEWAY_SQL = "INSERT INTO gateways (camp_id, id, last_seq, last_sent_at, "
        + "last_received_at, messages) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String KEY_SQL = "INSERT INTO api_keys (id, name, secret_sha256, role, missions) "
        + "VALUES (?, ?, ?, 'viewer', ARRAY[?])";

    private final Instant firstHour;
    private final LocalDate today;
    private final String browserKey = ApiKeys.newSecret();
    private final String clientKey = ApiKeys.newSecret();
    private final Map<String, Integer> refs = new HashMap<>();
    private final Map<String, Integer> metrics = new HashMap<>();
    private long theftId;

    private DashboardFixture(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        this.firstHour = hour.minus(Duration.ofHours(HOURS));
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Writes the fixture into the schema behind {@code dataSource}, with hours ending at {@code now}'s hour. */
    static DashboardFixture load(DataSource dataSource, Instant now) throws SQLException {
        DashboardFixture f = new DashboardFixture(now);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            f.registry(c);
            f.hourly(c);
            f.daily(c);
            f.current(c);
            f.events(c);
            f.gateways(c);
            f.keys(c);
            c.commit();
        }
        return f;
    }

    /** The API key the browser signs in with. */
    String browserKey() {
        return browserKey;
    }

    /** The API key the test reads the API with (its own rate-limit bucket). */
    String clientKey() {
        return clientKey;
    }

    long theftId() {
        return theftId;
    }

    LocalDate today() {
        return today;
    }

    static double volume(int hour) {
        return 15000 - 20.0 * hour;
    }

    private void registry(Connection c) throws SQLException {
        run(c, MISSION_SQL, MISSION, "UN Mission in South Sudan");
        run(c, CAMP_SQL, CAMP, MISSION, "Alpha base", 4.85, 31.6, 850);
        run(c, CAMP_SQL, EMPTY_CAMP, MISSION, "Bravo outpost", 9.5, 31.2, 120);
        run(c, ASSET_SQL, TANK_1, CAMP, "fuel_tank", "Bulk tank 1", null, 20000.0, 500.0);
        run(c, ASSET_SQL, TANK_2, CAMP, "fuel_tank", "Day tank 2", null, 5000.0, 100.0);
        run(c, ASSET_SQL, GEN_1, CAMP, "generator", "Genset 1", 100.0, null, null);
        run(c, ASSET_SQL, GEN_2, CAMP, "generator", "Genset 2", 200.0, null, null);
        run(c, ASSET_SQL, VEHICLE, CAMP, "vehicle", "Land Cruiser 1", null, null, null);
        run(c, ASSET_SQL, EMPTY_TANK, EMPTY_CAMP, "fuel_tank", "Bravo tank", null, 10000.0, 200.0);
        for (String id : new String[] {TANK_1, TANK_2, GEN_1, GEN_2, VEHICLE}) {
            refs.put(id, (int) queryLong(c, REF_SQL, id));
        }
        for (String m : new String[] {"fuel.volume", "power.active", "engine.running", "vehicle.ignition"}) {
            metrics.put(m, (int) queryLong(c, METRIC_SQL, m));
        }
    }

    private void hourly(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(HOURLY_SQL)) {
            for (int i = 0; i < HOURS; i++) {
                if (i < TANK_1_GAP_FROM || i >= TANK_1_GAP_TO) {
                    bucket(ps, TANK_1, "fuel.volume", i, volume(i), volume(i) + 10, volume(i) - 10);
                }
                double day = 3000 - 5.0 * i + (i >= 40 ? 2000 : 0);
                bucket(ps, TANK_2, "fuel.volume", i, day, day + 2, day - 2);
                double running = i < 48 ? 1 : i == 48 ? 0.5 : 0;
                double kw = i < 24 ? 25 : i <= 48 ? 70 * running : 0;
                bucket(ps, GEN_1, "engine.running", i, running, running, running);
                bucket(ps, GEN_1, "power.active", i, kw, kw, kw);
                if (i >= 62) {
                    bucket(ps, GEN_2, "engine.running", i, 1, 1, 1);
                    bucket(ps, GEN_2, "power.active", i, 120, 120, 120);
                }
                if (i >= 24) {
                    bucket(ps, VEHICLE, "vehicle.ignition", i, 0.25, 0, 1);
                }
            }
            ps.executeBatch();
        }
    }

    private void bucket(PreparedStatement ps, String asset, String metric, int hour, double avg, double first,
                        double last) throws SQLException {
        ps.setInt(1, refs.get(asset));
        ps.setInt(2, metrics.get(metric));
        ps.setTimestamp(3, Timestamp.from(hourStart(hour)));
        ps.setDouble(4, avg);
        ps.setDouble(5, Math.min(avg, Math.min(first, last)));
        ps.setDouble(6, Math.max(avg, Math.max(first, last)));
        ps.setDouble(7, first);
        ps.setDouble(8, last);
        ps.addBatch();
    }

    Instant hourStart(int hour) {
        return firstHour.plus(Duration.ofHours(hour));
    }

    private void daily(Connection c) throws SQLException {
        double[] gen1 = {210.5, 198.3, 225.7, 180.2, 95.4};
        double[] gen1Cov = {1, 1, 0.6, 1, 0.45};
        double[] gen2 = {410.2, 395.6, 402.1, 388.9, 120.3};
        double[] gen2Cov = {1, 1, 1, 0.95, 0.5};
        double[] load = {0.25, 0.25, 0.7, 0.7, 0.35};
        try (PreparedStatement ps = c.prepareStatement(DAILY_SQL)) {
            for (int d = 0; d < gen1.length; d++) {
                LocalDate day = today.minusDays(gen1.length - 1 - d);
                dailyRow(ps, "asset", GEN_1, day, "fuel_consumed_l", gen1[d], "L", gen1Cov[d]);
                dailyRow(ps, "asset", GEN_2, day, "fuel_consumed_l", gen2[d], "L", gen2Cov[d]);
                dailyRow(ps, "camp", CAMP, day, "fuel_consumed_l", gen1[d] + gen2[d], "L",
                    Math.min(gen1Cov[d], gen2Cov[d]));
                dailyRow(ps, "asset", GEN_1, day, "load_factor_avg", load[d], "1", gen1Cov[d]);
                dailyRow(ps, "asset", GEN_1, day, "running_h", 24 * load[d] * 2, "h", gen1Cov[d]);
                dailyRow(ps, "asset", VEHICLE, day, "running_h", 6.0, "h", 0.8);
                dailyRow(ps, "asset", TANK_1, day, "refuel_l", 0.0, "L", 0.97);
            }
            ps.executeBatch();
        }
    }

    private static void dailyRow(PreparedStatement ps, String kind, String subject, LocalDate day, String figure,
                                 double value, String unit, double coverage) throws SQLException {
        ps.setString(1, kind);
        ps.setString(2, subject);
        ps.setDate(3, Date.valueOf(day));
        ps.setString(4, figure);
        ps.setDouble(5, value);
        ps.setString(6, unit);
        ps.setDouble(7, coverage);
        ps.addBatch();
    }

    private void current(Connection c) throws SQLException {
        Instant asOf = hourStart(HOURS - 1);
        String reorder = today.plusDays(5).toString();
        run(c, CURRENT_SQL, "camp", CAMP, "days_of_supply", 9.47, "d", 8.12, 11.26, 0.93, asOf, "{}");
        run(c, CURRENT_SQL, "asset", TANK_1, "days_of_supply", 12.34, "d", 10.81, 14.02, 0.95, asOf,
            "{\"burn_rate_l_per_day\": 480.0}");
        run(c, CURRENT_SQL, "asset", TANK_1, "reorder_date", null, "date", null, null, 0.95, asOf,
            "{\"date\": \"" + reorder + "\"}");
        run(c, CURRENT_SQL, "asset", TANK_2, "days_of_supply", 4.56, "d", 3.91, 5.27, 0.71, asOf, "{}");
        run(c, CURRENT_SQL, "asset", TANK_2, "reorder_date", (double) today.minusDays(1).toEpochDay(), "date", null,
            null, 0.71, asOf, "{}");
        run(c, CURRENT_SQL, "asset", GEN_1, "hours_to_service", 123.4, "h", null, null, 1.0, asOf, "{}");
        run(c, CURRENT_SQL, "asset", GEN_1, "idle_rate_lph", 2.4, "L/h", null, null, 1.0, asOf, "{}");
        run(c, CURRENT_SQL, "asset", GEN_1, "last_seen_age_s:engine.coolant_temp", 5400.0, "s", null, null, 1.0, asOf,
            "{\"stale\": false}");
        run(c, CURRENT_SQL, "asset", GEN_1, "n_plus_one_met", 1.0, "bool", null, null, 1.0, asOf, "{}");
        run(c, CURRENT_SQL, "asset", VEHICLE, "days_unused", 0.0, "d", null, null, 1.0, asOf, "{}");
    }

    /** The reorder date shown for {@code tank}. */
    String reorderDate(String tank) {
        return TANK_1.equals(tank) ? today.plusDays(5).toString() : today.minusDays(1).toString();
    }

    private void events(Connection c) throws SQLException {
        Instant theft = hourStart(50).plus(Duration.ofMinutes(20));
        theftId = event(c, TANK_1, "theft", theft, theft.plus(Duration.ofMinutes(15)), 180.0, "L",
            evidence(theft, "fuel.volume", 14000, 13820, "{\"level_before_l\": 14000.0, \"level_after_l\": 13820.0, "
                + "\"expected_outflow_l\": 4.2, \"loss_l\": 175.8, \"litres\": 180.0, \"threshold_l\": 60.0}",
                "The tank lost 180 L in 15 min while the generators it feeds drew 4.2 L."));
        Instant refuel = hourStart(40);
        event(c, TANK_2, "refuel", refuel, refuel.plus(Duration.ofMinutes(30)), 2000.0, "L",
            evidence(refuel, "fuel.volume", 2800, 4800, "{\"delivered_l\": 2000.0}", "A delivery of 2000 L."));
        event(c, GEN_1, "low_load", hourStart(0), hourStart(24), 24.0, "h",
            evidence(hourStart(0), "power.active", 25, 25, "{\"load_factor\": 0.25}", "Ran at 25 % load for 24 h."));
        Instant stale = hourStart(60);
        event(c, TANK_2, "stale_sensor", stale, stale.plus(Duration.ofHours(6)), 6.0, "h",
            evidence(stale, "fuel.volume", 4700, 4700, "{\"silent_h\": 6.0}", "No level reading for 6 h."));
        Instant old = firstHour.minus(Duration.ofDays(8));
        event(c, TANK_1, "refuel", old, old.plus(Duration.ofMinutes(30)), 5000.0, "L",
            evidence(old, "fuel.volume", 10000, 15000, "{\"delivered_l\": 5000.0}", "A delivery of 5000 L."));
    }

    /** Evidence JSON as the analytics store it: 25 readings 5 min apart around {@code at}, a step at the middle. */
    private static String evidence(Instant at, String metric, double before, double after, String figures,
                                   String explanation) {
        StringBuilder readings = new StringBuilder();
        for (int k = -12; k <= 12; k++) {
            Instant ts = at.plus(Duration.ofMinutes(5L * k));
            double v = k < 0 ? before : k > 2 ? after : before + (after - before) * k / 3;
            readings.append(readings.length() == 0 ? "" : ",")
                .append(String.format(Locale.ROOT, "{\"ts\": \"%s\", \"value\": %.1f}", ts, v));
        }
        return String.format(Locale.ROOT, "{\"windowStart\": \"%s\", \"windowEnd\": \"%s\", \"metric\": \"%s\", "
            + "\"readings\": [%s], \"figures\": %s, \"explanation\": \"%s\"}", at.minus(Duration.ofHours(1)),
            at.plus(Duration.ofHours(1)), metric, readings, figures, explanation);
    }

    private static long event(Connection c, String asset, String kind, Instant start, Instant end, double quantity,
                              String unit, String evidence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVENT_SQL)) {
            bind(ps, CAMP, asset, kind, start, end, quantity, unit, evidence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void gateways(Connection c) throws SQLException {
        Instant now = Instant.now();
        run(c, GATEWAY_SQL, CAMP, "gw-a", 1234L, now.minus(Duration.ofMinutes(6)), now.minus(Duration.ofMinutes(5)),
            5000L);
        run(c, GATEWAY_SQL, CAMP, "gw-b", 77L, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(3)), 90L);
    }

    private void keys(Connection c) throws SQLException {
        run(c, KEY_SQL, "dashboard-browser", "dashboard test: browser", ApiKeys.hash(browserKey), MISSION);
        run(c, KEY_SQL, "dashboard-client", "dashboard test: API client", ApiKeys.hash(clientKey), MISSION);
    }

    private static void run(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    private static long queryLong(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.DOUBLE);
            } else if (a instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }
}

package org.smartcamp.deploy.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.store.StorageEngine;

/**
 * Fills the API bench's schema with a long stretch of data, fast, in the database itself ({@code INSERT ...
 * SELECT} over {@code generate_series}, one statement per camp and table): hourly and daily rollups of every series
 * of every asset, raw readings for the last days, daily and current analytics figures for every asset and camp,
 * detected events with evidence, and the camps' gateways. Values follow a daily cycle with noise (counters grow);
 * they are plausible, not simulated: the bench measures how the API reads them, not what they mean.
 */
final class YearOfData {
    static final String HOURLY = "readings_hourly";
    static final String DAILY = "readings_daily";
    private static final String SERIES = "unnest(?::int[], ?::int[], ?::float8[], ?::boolean[]) AS s(r, m, b, c)";
    private static final String VALUE = "CASE WHEN s.c THEN s.b * extract(epoch FROM t - ?::timestamptz) / 3600 "
        + "ELSE s.b * (1 + 0.3 * sin(extract(epoch FROM t) * pi() / 43200)) + s.b * 0.05 * random() END";
    private static final String ROLLUP = "INSERT INTO %s (asset_ref, metric_id, bucket, samples, avg, min, max, "
        + "first, last) SELECT s.r, s.m, t, ?, v.a, v.a - abs(s.b) * 0.1, v.a + abs(s.b) * 0.1, "
        + "v.a - abs(s.b) * 0.05, v.a + abs(s.b) * 0.05 FROM " + SERIES
        + " CROSS JOIN generate_series(?::timestamptz, ?::timestamptz, ?::interval) AS t "
        + "CROSS JOIN LATERAL (SELECT " + VALUE + " AS a) v";
    private static final String RAW = "INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at) "
        + "SELECT s.r, s.m, t, " + VALUE + ", 0, t + interval '2 seconds' FROM " + SERIES
        + " CROSS JOIN generate_series(?::timestamptz, ?::timestamptz, ?::interval) AS t";
    private static final String CAGG_TABLE = "SELECT format('%I.%I', materialization_hypertable_schema, "
        + "materialization_hypertable_name) FROM timescaledb_information.continuous_aggregates "
        + "WHERE view_schema = current_schema() AND view_name = ?";
    private static final Map<String, Double> BASE_BY_UNIT = Map.ofEntries(Map.entry("kW", 40.0),
        Map.entry("kVA", 46.0), Map.entry("1", 0.85), Map.entry("kWh", 40.0), Map.entry("bool", 0.6),
        Map.entry("h", 0.7), Map.entry("count", 0.05), Map.entry("degC", 31.0), Map.entry("kPa", 350.0),
        Map.entry("L/h", 12.0), Map.entry("L", 12.0), Map.entry("mm", 1200.0), Map.entry("%", 60.0),
        Map.entry("W/m2", 420.0), Map.entry("V", 52.0), Map.entry("A", 20.0), Map.entry("deg", 10.0),
        Map.entry("km/h", 25.0), Map.entry("km", 12.0));

    /** How much was written, and how long it took. */
    record Counts(int camps, long missions, int assets, int series, long hourly, long daily, long raw,
                  long figuresDaily, long figuresCurrent, long events, Duration took) {
    }

    /** One stored series: asset ref, metric id, typical value (per hour for counters), counter or not. */
    record Series(int ref, int metric, double base, boolean counter) {
    }

    private final DataSource dataSource;
    private final StorageEngine engine;
    private final Consumer<String> progress;

    YearOfData(DataSource dataSource, StorageEngine engine, Consumer<String> progress) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * Fills {@code days} up to {@code end} for every camp, raw readings for the last {@code rawDays} every
     * {@code rawInterval} seconds, then vacuums and analyzes what it wrote.
     *
     * @throws SQLException when the database refuses a statement
     */
    Counts fill(List<BenchInventory.Camp> camps, Instant end, int days, int rawDays, int rawInterval)
        throws SQLException {
        long started = System.nanoTime();
        Instant from = end.minus(Duration.ofDays(days));
        long[] rows = new long[6];
        int series = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<AssetKind, List<Integer>> metrics = metricIds(c);
            Map<Integer, Boolean> counters = counters(c);
            String hourly = rollupTable(c, HOURLY);
            String daily = rollupTable(c, DAILY);
            for (BenchInventory.Camp camp : camps) {
                List<Series> all = series(camp, metrics, counters);
                series += all.size();
                rows[0] += rollup(c, hourly, all, from, end, Duration.ofHours(1), 360);
                rows[1] += rollup(c, daily, all, from, end, Duration.ofDays(1), 8640);
                rows[2] += raw(c, all, from, end.minus(Duration.ofDays(rawDays)), end, rawInterval);
                rows[3] += BenchFigures.daily(c, camp, metricNames(camp), from, end);
                rows[4] += BenchFigures.current(c, camp, end);
                rows[5] += BenchFigures.events(c, camp, from, end);
                BenchFigures.gateways(c, camp, end);
                progress.accept("seeded camp " + camp.id() + " (" + all.size() + " series)");
            }
            vacuum(c, hourly, daily);
        }
        int assets = camps.stream().mapToInt(k -> k.assets().size()).sum();
        long missions = camps.stream().map(BenchInventory.Camp::mission).distinct().count();
        return new Counts(camps.size(), missions, assets, series, rows[0], rows[1], rows[2], rows[3], rows[4], rows[5],
            Duration.ofNanos(System.nanoTime() - started));
    }

    private static List<Series> series(BenchInventory.Camp camp, Map<AssetKind, List<Integer>> metrics,
                                       Map<Integer, Boolean> counters) {
        List<Series> out = new ArrayList<>();
        for (BenchInventory.Asset a : camp.assets()) {
            List<Metric> catalogue = catalogue(AssetKind.fromCode(a.kind()));
            List<Integer> ids = metrics.getOrDefault(AssetKind.fromCode(a.kind()), List.of());
            for (int i = 0; i < ids.size(); i++) {
                double base = BASE_BY_UNIT.getOrDefault(catalogue.get(i).unit().symbol(), 10.0)
                    * (0.8 + 0.05 * (a.ref() % 8));
                out.add(new Series(a.ref(), ids.get(i), base, counters.get(ids.get(i))));
            }
        }
        return out;
    }

    /** Metric names per asset of the camp, for the per-metric completeness figures. */
    private static Map<String, List<String>> metricNames(BenchInventory.Camp camp) {
        Map<String, List<String>> out = new HashMap<>();
        for (BenchInventory.Asset a : camp.assets()) {
            out.put(a.id(), catalogue(AssetKind.fromCode(a.kind())).stream().map(Metric::wireName).toList());
        }
        return out;
    }

    private static List<Metric> catalogue(AssetKind kind) {
        return kind.defaultMetrics();
    }

    /** The metric ids of the simulator's catalogue per asset kind, in catalogue order. */
    private static Map<AssetKind, List<Integer>> metricIds(Connection c) throws SQLException {
        Map<String, Integer> byName = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM metrics")) {
            while (rs.next()) {
                byName.put(rs.getString(2), rs.getInt(1));
            }
        }
        Map<AssetKind, List<Integer>> out = new HashMap<>();
        for (AssetKind kind : AssetKind.values()) {
            for (Metric m : kind.defaultMetrics()) {
                Integer id = byName.get(m.wireName());
                if (id == null) {
                    throw new IllegalStateException("metric " + m.wireName() + " is not in the metric catalogue");
                }
                out.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
            }
        }
        return out;
    }

    private static Map<Integer, Boolean> counters(Connection c) throws SQLException {
        Map<Integer, Boolean> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, kind FROM metrics")) {
            while (rs.next()) {
                out.put(rs.getInt(1), "counter".equals(rs.getString(2)));
            }
        }
        return out;
    }

    /** The table to write a rollup into: the table on PostgreSQL, the aggregate's materialization on TimescaleDB. */
    private String rollupTable(Connection c, String view) throws SQLException {
        if (engine != StorageEngine.TIMESCALEDB) {
            return view;
        }
        try (PreparedStatement ps = c.prepareStatement(CAGG_TABLE)) {
            ps.setString(1, view);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no continuous aggregate " + view + " in the bench schema");
                }
                return rs.getString(1);
            }
        }
    }

    private static long rollup(Connection c, String table, List<Series> series, Instant from, Instant end,
                               Duration step, int samples) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(ROLLUP, table))) {
            int i = 1;
            ps.setInt(i++, samples);
            i = bindSeries(c, ps, i, series);
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(end.minus(step)));
            ps.setString(i++, step.toSeconds() + " seconds");
            ps.setTimestamp(i, Timestamp.from(from));
            return ps.executeUpdate();
        }
    }

    /** Raw readings from {@code from}; counters count from {@code origin}, as in the rollups. */
    private static long raw(Connection c, List<Series> series, Instant origin, Instant from, Instant end,
                            int interval) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RAW)) {
            ps.setTimestamp(1, Timestamp.from(origin));
            int i = bindSeries(c, ps, 2, series);
            ps.setTimestamp(i++, Timestamp.from(from));
            ps.setTimestamp(i++, Timestamp.from(end.minusSeconds(1)));
            ps.setString(i, interval + " seconds");
            return ps.executeUpdate();
        }
    }

    private static int bindSeries(Connection c, PreparedStatement ps, int first, List<Series> series)
        throws SQLException {
        ps.setArray(first, c.createArrayOf("int4", series.stream().map(Series::ref).toArray()));
        ps.setArray(first + 1, c.createArrayOf("int4", series.stream().map(Series::metric).toArray()));
        ps.setArray(first + 2, c.createArrayOf("float8", series.stream().map(Series::base).toArray()));
        ps.setArray(first + 3, c.createArrayOf("bool", series.stream().map(Series::counter).toArray()));
        return first + 4;
    }

    /** Vacuums and analyzes the written tables, as autovacuum would have by the time such data is read. */
    private void vacuum(Connection c, String hourly, String daily) throws SQLException {
        progress.accept("vacuum and analyze");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String table : List.of("readings", hourly, daily, "analytics_daily", "analytics_current",
                "analytics_events", "gateways", "assets", "camps", "missions")) {
                s.execute("VACUUM (ANALYZE) " + table);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }
}

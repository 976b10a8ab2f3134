package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Test access to readings and rollups in a migrated schema. */
public final class Readings {
    /** Rollups computed straight from readings with one GROUP BY: what the maintained rollups must equal. */
    static final String REFERENCE = "SELECT asset_ref, metric_id, date_bin(INTERVAL '%s', ts,"
        + " TIMESTAMPTZ '2000-01-01 00:00:00+00') AS b, count(*), avg(value), min(value), max(value),"
        + " (array_agg(value ORDER BY ts))[1], (array_agg(value ORDER BY ts DESC))[1] FROM readings"
        + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3";
    static final String ROLLUP = "SELECT asset_ref, metric_id, bucket, samples, avg, min, max, first, last FROM %s"
        + " ORDER BY 1, 2, 3";

    private Readings() {
    }

    /** One reading row. */
    public record Row(int assetRef, int metricId, Instant ts, double value, Instant receivedAt) {
    }

    /** A rollup row with its key. */
    public record Bucket(int assetRef, int metricId, Instant bucket, long samples, double avg, double min,
                         double max, double first, double last) {
    }

    /** Inserts rows in one transaction on {@code c} (which the caller commits when it is not in auto-commit). */
    public static void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO readings (asset_ref, metric_id, ts, value,"
                + " received_at) VALUES (?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                s.setInt(1, r.assetRef());
                s.setInt(2, r.metricId());
                s.setTimestamp(3, Timestamp.from(r.ts()));
                s.setDouble(4, r.value());
                s.setTimestamp(5, Timestamp.from(r.receivedAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Inserts rows and commits. */
    public static void insert(DataSource ds, List<Row> rows) throws SQLException {
        try (Connection c = ds.getConnection()) {
            insert(c, rows);
        }
    }

    /** The rows of {@code readings_hourly} or {@code readings_daily}. */
    public static List<Bucket> rollup(DataSource ds, String table) throws SQLException {
        return query(ds, String.format(ROLLUP, table));
    }

    /** The rollups a GROUP BY over readings gives with buckets of {@code width} ({@code 1 hour}, {@code 1 day}). */
    public static List<Bucket> reference(DataSource ds, String width) throws SQLException {
        return query(ds, String.format(REFERENCE, width));
    }

    private static List<Bucket> query(DataSource ds, String sql) throws SQLException {
        List<Bucket> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new Bucket(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getLong(4),
                    rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)));
            }
        }
        return out;
    }
}

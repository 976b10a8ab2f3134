package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects TimescaleDB and applies its features to the plain schema: readings becomes a hypertable with
 * compression (segmented by asset and metric) and a retention policy, and the hourly and daily rollups become
 * continuous aggregates with the columns of the plain tables. Every step is idempotent, so it runs after every
 * migration.
 */
final class TimescaleSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TimescaleSetup.class);
    static final Duration CHUNK_INTERVAL = Duration.ofDays(1);
    static final Duration COMPRESS_AFTER = Duration.ofDays(7);
    /**
     * The rollups as continuous aggregates: hourly from readings, daily from hourly (hierarchical), with the same
     * columns and the same arithmetic as the tables the analytics job keeps on plain PostgreSQL. Materialized
     * only (no real-time union) and without a refresh policy: the analytics job refreshes the ranges that new
     * readings touched, right after they arrive.
     */
    static final String HOURLY_CAGG = "CREATE MATERIALIZED VIEW readings_hourly WITH (timescaledb.continuous,"
        + " timescaledb.materialized_only = true) AS SELECT asset_ref, metric_id,"
        + " time_bucket(INTERVAL '1 hour', ts) AS bucket, count(*) AS samples, avg(value) AS avg,"
        + " min(value) AS min, max(value) AS max, first(value, ts) AS first, last(value, ts) AS last"
        + " FROM readings GROUP BY asset_ref, metric_id, time_bucket(INTERVAL '1 hour', ts) WITH DATA";
    static final String DAILY_CAGG = "CREATE MATERIALIZED VIEW readings_daily WITH (timescaledb.continuous,"
        + " timescaledb.materialized_only = true) AS SELECT asset_ref, metric_id,"
        + " time_bucket(INTERVAL '1 day', bucket) AS bucket, sum(samples)::bigint AS samples,"
        + " sum(avg * samples) / sum(samples)::double precision AS avg, min(min) AS min, max(max) AS max,"
        + " first(first, bucket) AS first, last(last, bucket) AS last"
        + " FROM readings_hourly GROUP BY asset_ref, metric_id, time_bucket(INTERVAL '1 day', bucket) WITH DATA";

    private TimescaleSetup() {
    }

    /**
     * The engine this database offers. Creates the extension (in schema public) when the server has it
     * preloaded but the database does not have it yet; falls back to plain PostgreSQL when that is refused.
     */
    static StorageEngine detect(Connection c) throws SQLException {
        if (installedVersion(c) != null) {
            return StorageEngine.TIMESCALEDB;
        }
        if (!available(c)) {
            return StorageEngine.POSTGRESQL;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public");
            return StorageEngine.TIMESCALEDB;
        } catch (SQLException e) {
            LOG.warn("TimescaleDB is available but could not be enabled ({}); using plain PostgreSQL",
                e.getMessage());
            return StorageEngine.POSTGRESQL;
        }
    }

    /** The installed extension version, or {@code null} when the database does not have TimescaleDB. */
    static String installedVersion(Connection c) throws SQLException {
        return queryString(c, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
    }

    /** Whether {@code readings} in the current schema is a hypertable. */
    static boolean isHypertable(Connection c) throws SQLException {
        if (installedVersion(c) == null) {
            return false;
        }
        return queryString(c, "SELECT hypertable_name FROM timescaledb_information.hypertables"
            + " WHERE hypertable_schema = current_schema() AND hypertable_name = 'readings'") != null;
    }

    /** Hypertable, compression and retention on {@code readings}, continuous aggregates; safe to run again. */
    static void apply(Connection c, Duration retention) throws SQLException {
        hypertable(c, retention);
        continuousAggregates(c);
    }

    private static void hypertable(Connection c, Duration retention) throws SQLException {
        execute(c, "SELECT create_hypertable('readings', by_range('ts', INTERVAL '" + CHUNK_INTERVAL.toDays()
            + " days'), if_not_exists => TRUE, migrate_data => TRUE)");
        String compressed = queryString(c, "SELECT compression_enabled::text FROM timescaledb_information.hypertables"
            + " WHERE hypertable_schema = current_schema() AND hypertable_name = 'readings'");
        if (!"true".equals(compressed)) {
            execute(c, "ALTER TABLE readings SET (timescaledb.compress, "
                + "timescaledb.compress_segmentby = 'asset_ref, metric_id', timescaledb.compress_orderby = 'ts')");
        }
        execute(c, "SELECT add_compression_policy('readings', INTERVAL '" + COMPRESS_AFTER.toDays()
            + " days', if_not_exists => TRUE)");
        execute(c, "SELECT remove_retention_policy('readings', if_exists => TRUE)");
        if (retention != null) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT add_retention_policy('readings', drop_after => make_interval(secs => ?))")) {
                s.setDouble(1, retention.toSeconds());
                s.execute();
            }
        }
    }

    /**
     * Replaces the plain rollup tables of migration V3 by continuous aggregates, computed from the readings
     * already stored ({@code WITH DATA}). Runs outside a transaction (TimescaleDB requires it) and only once: a
     * rollup that is already a view is left alone.
     */
    private static void continuousAggregates(Connection c) throws SQLException {
        if (!"r".equals(relationKind(c, "readings_hourly"))) {
            return;
        }
        LOG.info("Creating the hourly and daily rollups as TimescaleDB continuous aggregates");
        execute(c, "DROP TABLE readings_daily");
        execute(c, "DROP TABLE readings_hourly");
        execute(c, HOURLY_CAGG);
        execute(c, DAILY_CAGG);
    }

    /** {@code r} for a table, {@code v} for a view (a continuous aggregate), {@code null} when absent. */
    private static String relationKind(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT relkind::text FROM pg_class"
                + " WHERE relname = ? AND relnamespace = current_schema()::regnamespace")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean available(Connection c) throws SQLException {
        return queryString(c, "SELECT name FROM pg_available_extensions WHERE name = 'timescaledb'") != null
            && String.valueOf(queryString(c, "SELECT current_setting('shared_preload_libraries')"))
                .contains("timescaledb");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}

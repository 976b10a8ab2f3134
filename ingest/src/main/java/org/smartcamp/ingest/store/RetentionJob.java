package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention: on plain PostgreSQL deletes readings older than the retention period in bounded chunks, so it never
 * holds long locks (on TimescaleDB the extension's retention policy drops whole chunks instead). On both engines it
 * deletes the readings of personal metrics ({@code metrics.personal}) older than their shorter retention, and their
 * hourly and daily rollup rows, the same way: a DELETE of those rows, since the chunks also hold every other metric.
 */
public final class RetentionJob {
    static final int CHUNK = 50_000;
    private static final String[] ROLLUPS = {"readings_hourly", "readings_daily"};
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final DataSource dataSource;
    private final Duration retention;
    private final Duration personalRetention;
    private final Clock clock;

    /** A job keeping every reading for {@code retention} (null: for ever) and personal ones for the default. */
    public RetentionJob(DataSource dataSource, Duration retention, Clock clock) {
        this(dataSource, retention, DatabaseConfig.DEFAULT_PERSONAL_RETENTION, clock);
    }

    /** A job keeping readings for {@code retention} (null: for ever), personal ones for {@code personalRetention}. */
    public RetentionJob(DataSource dataSource, Duration retention, Duration personalRetention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.personalRetention = personalRetention;
        this.clock = clock;
    }

    /** The job of {@code config}'s retention periods. */
    public static RetentionJob of(DataSource dataSource, DatabaseConfig config, Clock clock) {
        return new RetentionJob(dataSource, config.retention(), config.personalRetention(), clock);
    }

    /**
     * Deletes what is due.
     *
     * @return readings deleted (personal ones, and on plain PostgreSQL those past the general retention)
     * @throws StoreException when the database refuses
     */
    public long run() {
        try (Connection c = dataSource.getConnection()) {
            boolean hypertable = TimescaleSetup.isHypertable(c);
            long deleted = 0;
            if (personalRetention != null) {
                deleted += delete(c, String.format(Sql.DELETE_EXPIRED_PERSONAL, "readings", "ts"), personalRetention);
                deletePersonalRollups(c, hypertable);
            }
            if (retention != null && !hypertable) {
                deleted += delete(c, Sql.DELETE_EXPIRED, retention);
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("retention job failed: " + DataSources.rootMessage(e), e);
        }
    }

    /**
     * The hourly and daily rollups' rows of personal metrics past their retention: an hourly mean position is a
     * position too. On TimescaleDB the rollups are continuous aggregates, refreshed only where new readings land, so
     * their rows are deleted from the materialization tables; a failure there is logged and the job goes on.
     */
    private void deletePersonalRollups(Connection c, boolean hypertable) throws SQLException {
        for (String rollup : ROLLUPS) {
            if (!hypertable) {
                delete(c, String.format(Sql.DELETE_EXPIRED_PERSONAL, rollup, "bucket"), personalRetention);
                continue;
            }
            try {
                String table = materialization(c, rollup);
                if (table != null) {
                    delete(c, String.format(Sql.DELETE_EXPIRED_PERSONAL, table, "bucket"), personalRetention);
                }
            } catch (SQLException e) {
                LOG.warn("Cannot delete expired personal rows of {}: {}", rollup, DataSources.rootMessage(e));
            }
        }
    }

    private static String materialization(Connection c, String view) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(Sql.CAGG_MATERIALIZATION)) {
            s.setString(1, view);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Runs {@code sql} (cutoff, chunk size) until a chunk comes back short. */
    private long delete(Connection c, String sql, Duration keep) throws SQLException {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(keep));
        long deleted = 0;
        int n;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, cutoff);
            s.setInt(2, CHUNK);
            do {
                n = s.executeUpdate();
                deleted += n;
            } while (n == CHUNK);
        }
        return deleted;
    }
}

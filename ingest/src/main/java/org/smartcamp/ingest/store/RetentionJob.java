package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Retention: on plain PostgreSQL deletes readings older than the retention period in bounded chunks, so it never
 * holds long locks (on TimescaleDB the extension's retention policy drops whole chunks instead). On both engines it
 * deletes the readings of personal metrics ({@code metrics.personal}) older than their shorter retention the same
 * way: a DELETE of those rows, since the chunks also hold every other metric.
 */
public final class RetentionJob {
    static final int CHUNK = 50_000;

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
                deleted += delete(c, Sql.DELETE_EXPIRED_PERSONAL, personalRetention);
                if (!hypertable) {
                    // rows of the app-maintained rollups, not counted as readings
                    delete(c, Sql.DELETE_EXPIRED_PERSONAL_HOURLY, personalRetention);
                    delete(c, Sql.DELETE_EXPIRED_PERSONAL_DAILY, personalRetention);
                }
            }
            if (retention != null && !hypertable) {
                deleted += delete(c, Sql.DELETE_EXPIRED, retention);
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("retention job failed: " + DataSources.rootMessage(e), e);
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

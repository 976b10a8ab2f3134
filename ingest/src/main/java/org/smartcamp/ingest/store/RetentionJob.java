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
 * Retention on plain PostgreSQL: deletes readings older than the retention period in bounded chunks, so it never
 * holds long locks. On TimescaleDB it does nothing (the extension's retention policy drops whole chunks).
 */
public final class RetentionJob {
    static final int CHUNK = 50_000;

    private final DataSource dataSource;
    private final Duration retention;
    private final Clock clock;

    public RetentionJob(DataSource dataSource, Duration retention, Clock clock) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Deletes what is due.
     *
     * @return readings deleted (0 on TimescaleDB or when retention is off)
     * @throws StoreException when the database refuses
     */
    public long run() {
        if (retention == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            if (TimescaleSetup.isHypertable(c)) {
                return 0;
            }
            Timestamp cutoff = Timestamp.from(clock.instant().minus(retention));
            long deleted = 0;
            int n;
            try (PreparedStatement s = c.prepareStatement(Sql.DELETE_EXPIRED)) {
                s.setTimestamp(1, cutoff);
                s.setInt(2, CHUNK);
                do {
                    n = s.executeUpdate();
                    deleted += n;
                } while (n == CHUNK);
            }
            return deleted;
        } catch (SQLException e) {
            throw new StoreException("retention job failed: " + DataSources.rootMessage(e), e);
        }
    }
}

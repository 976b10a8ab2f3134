package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;

/**
 * Finds what arrived since a watermark, by {@code received_at} (BRIN-indexed). The event times it looks at are
 * bounded below by the watermark minus the oldest lateness the ingest accepts ({@code wire.maxAge}), so on
 * TimescaleDB only the chunks that can hold such readings are scanned.
 */
public final class ArrivalScanner {
    private final DataSource dataSource;
    private final Duration maxLateness;

    /**
     * @param maxLateness how much older than its arrival a reading may be (the ingest's {@code wire.maxAge})
     */
    public ArrivalScanner(DataSource dataSource, Duration maxLateness) {
        this.dataSource = dataSource;
        this.maxLateness = maxLateness;
    }

    /**
     * The buckets touched by readings received after {@code mark}.
     *
     * @throws StoreException when the database refuses
     */
    public Arrivals since(Instant mark) {
        List<Arrivals.Bucket> buckets = new ArrayList<>();
        Instant latest = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.ARRIVALS)) {
            s.setTimestamp(1, Timestamp.from(mark));
            s.setTimestamp(2, Timestamp.from(mark.minus(maxLateness)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    buckets.add(new Arrivals.Bucket(rs.getInt(1), rs.getInt(2), rs.getTimestamp(3).toInstant()));
                    Instant received = rs.getTimestamp(4).toInstant();
                    latest = latest == null || received.isAfter(latest) ? received : latest;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot scan new readings: " + e.getMessage(), e);
        }
        return new Arrivals(buckets, latest);
    }
}

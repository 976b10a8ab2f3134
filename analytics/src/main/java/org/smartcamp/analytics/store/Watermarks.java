package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;

/**
 * The named marks in {@code analytics_watermark}: readings received after a stage's mark are new to that stage.
 * A mark never moves back, whoever advances it.
 */
public final class Watermarks {
    /** The mark of a stage that has processed nothing yet: everything is new. */
    public static final Instant NONE = Instant.EPOCH;

    private final DataSource dataSource;

    public Watermarks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The mark of {@code name}, or {@link #NONE}.
     *
     * @throws StoreException when the database refuses
     */
    public Instant get(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.WATERMARK)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1).toInstant() : NONE;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read watermark " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves the mark of {@code name} forward to {@code mark} (a mark already further stays).
     *
     * @throws StoreException when the database refuses
     */
    public void advance(String name, Instant mark) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(Sql.ADVANCE_WATERMARK)) {
            s.setString(1, name);
            s.setTimestamp(2, Timestamp.from(mark));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot advance watermark " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Moves the mark of {@code name} back to {@code mark} (a mark already earlier stays), so that readings received
     * since then are processed again: after an incident in which readings may have committed later than the job's
     * lag allows.
     *
     * @throws StoreException when the database refuses
     */
    public void rewind(String name, Instant mark) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(Sql.REWIND_WATERMARK)) {
            s.setTimestamp(1, Timestamp.from(mark));
            s.setString(2, name);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot rewind watermark " + name + ": " + e.getMessage(), e);
        }
    }
}

package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.ingest.wire.SessionState;
import org.smartcamp.platform.DataSources;

/**
 * The stored per-sender state of stateful wire formats (table {@code wire_sessions}) and the digests of the messages
 * they took ({@code wire_seen_messages}): written by the batch writer in the batch's transaction, read back when an
 * ingest starts.
 */
public final class WireSessions {
    private final DataSource dataSource;

    public WireSessions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Committed state of the format, by sender key. */
    public Map<String, String> sessions(String format) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.SESSIONS)) {
            s.setString(1, format);
            Map<String, String> out = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the stored " + format + " sessions: " + DataSources.rootMessage(e),
                e);
        }
    }

    /** The digests of the newest {@code limit} messages the format took, oldest first. */
    public List<byte[]> recentDigests(String format, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.RECENT_SEEN)) {
            s.setString(1, format);
            s.setInt(2, limit);
            List<byte[]> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            Collections.reverse(out);
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read the " + format + " message digests: " + DataSources.rootMessage(e),
                e);
        }
    }

    /**
     * Deletes all but the newest {@code keep} digests of the format.
     *
     * @return how many were deleted
     */
    public int prune(String format, int keep) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.PRUNE_SEEN)) {
            s.setString(1, format);
            s.setString(2, format);
            s.setInt(3, keep);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot prune the " + format + " message digests: " + DataSources.rootMessage(e),
                e);
        }
    }

    /** Writes the batch's session states (the last per sender) and every digest, in the caller's transaction. */
    static void write(Connection c, List<SessionState> states, Instant at) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        Map<String, SessionState> last = new LinkedHashMap<>();
        for (SessionState s : states) {
            last.put(s.format() + '\u0000' + s.key(), s);
        }
        Timestamp when = Timestamp.from(at);
        try (PreparedStatement s = c.prepareStatement(Sql.UPSERT_SESSION)) {
            for (SessionState state : last.values()) {
                s.setString(1, state.format());
                s.setString(2, state.key());
                s.setString(3, state.json());
                s.setTimestamp(4, when);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(Sql.INSERT_SEEN)) {
            for (SessionState state : states) {
                s.setString(1, state.format());
                s.setBytes(2, state.digest());
                s.setTimestamp(3, when);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}

package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.EventKind;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Stores detected events with their evidence. A detector that runs again over a window (because more data came,
 * e.g. a gateway's backlog) replaces what it decided there before, in one transaction: its events in the window
 * are deleted and the new ones inserted. So running it again corrects rather than duplicates, and readers never
 * see the window half replaced.
 */
public final class EventStore {
    private final DataSource dataSource;
    private final Clock clock;

    public EventStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A stored event with the camp it belongs to. */
    public record StoredEvent(String campId, DetectedEvent event) {
    }

    /**
     * Replaces the events of {@code scope} by {@code events}.
     *
     * @return events written
     * @throws IllegalArgumentException when an event lies outside the scope (nothing is written)
     * @throws StoreException           when the database refuses (nothing is changed)
     */
    public int replace(EventScope scope, List<DetectedEvent> events) {
        for (DetectedEvent e : events) {
            if (!scope.covers(e)) {
                throw new IllegalArgumentException("event " + e.kind().id() + " of " + e.assetId() + " at "
                    + e.start() + " lies outside " + scope);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            Transactions.run(c, tx -> {
                delete(tx, scope);
                insert(tx, scope.campId(), events);
            });
        } catch (SQLException e) {
            throw new StoreException("cannot store events of camp " + scope.campId() + ": " + e.getMessage(), e);
        }
        return events.size();
    }

    /**
     * The events of {@code assetId} starting in {@code [from, to)}, in start order.
     *
     * @throws StoreException when the database refuses
     */
    public List<StoredEvent> events(String assetId, Instant from, Instant to) {
        List<StoredEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.EVENTS)) {
            s.setString(1, assetId);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double q = rs.getDouble(6);
                    Double quantity = rs.wasNull() ? null : q;
                    out.add(new StoredEvent(rs.getString(1), new DetectedEvent(EventKind.ofId(rs.getString(3)),
                        rs.getString(2), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), quantity,
                        rs.getString(7), EvidenceJson.read(rs.getString(8)))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read events of " + assetId + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void delete(Connection c, EventScope scope) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(Sql.DELETE_EVENTS)) {
            s.setArray(1, c.createArrayOf("text", scope.assetIds().toArray()));
            s.setArray(2, c.createArrayOf("text", scope.kinds().stream().map(EventKind::id).toArray()));
            s.setTimestamp(3, Timestamp.from(scope.from()));
            s.setTimestamp(4, Timestamp.from(scope.to()));
            s.executeUpdate();
        }
    }

    private void insert(Connection c, String campId, List<DetectedEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // One row per key, the last one winning: a batch rewritten into one INSERT must not hit a key twice.
        Map<List<Object>, DetectedEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.put(List.of(e.assetId(), e.kind(), e.start()), e));
        try (PreparedStatement s = c.prepareStatement(Sql.INSERT_EVENT)) {
            for (DetectedEvent e : unique.values()) {
                s.setString(1, campId);
                s.setString(2, e.assetId());
                s.setString(3, e.kind().id());
                s.setTimestamp(4, Timestamp.from(e.start()));
                s.setTimestamp(5, Timestamp.from(e.end()));
                if (e.quantity() == null) {
                    s.setNull(6, Types.DOUBLE);
                } else {
                    s.setDouble(6, e.quantity());
                }
                s.setString(7, e.unit());
                s.setString(8, EvidenceJson.write(e.evidence()));
                s.setTimestamp(9, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}

package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Stores detected events as entities that keep their id for their whole life. A detector that runs again over a
 * window (more data came, a backlog, a restart, a re-analysis) is reconciled with what it decided there before, in
 * one transaction: a detection that matches a stored event of the same camp, asset and kind (start within
 * {@code identityTolerance}, or overlapping it) revises that event (revision + 1, the change recorded in its
 * history) or leaves it as it is; a new detection is inserted; a stored event that is no longer detected is marked
 * {@code retracted} with the reason. Nothing is deleted, so an id handed out stays valid.
 */
public final class EventStore {
    /** How far a detection's start may move from the stored event's and still be the same event. */
    public static final Duration DEFAULT_IDENTITY_TOLERANCE = Duration.ofMinutes(30);
    private static final double SAME_QUANTITY = 1e-6;

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration tolerance;

    public EventStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_IDENTITY_TOLERANCE);
    }

    public EventStore(DataSource dataSource, Clock clock, Duration identityTolerance) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.tolerance = identityTolerance;
    }

    /** A stored event with its id, camp, status and revision. */
    public record StoredEvent(long id, String campId, String status, int revision, DetectedEvent event) {
    }

    /** What a revision of an event says: its times and quantity. */
    private record Said(Instant start, Instant end, Double quantity, String unit) {
        static Said of(DetectedEvent e) {
            return new Said(e.start(), e.end(), e.quantity(), e.unit());
        }
    }

    /** A stored event as reconciliation sees it (without its evidence). */
    private record Existing(long id, String assetId, EventKind kind, Instant start, Instant end, Double quantity,
                            String unit, String status, int revision) {
        boolean active() {
            return status.equals(EventStatus.ACTIVE);
        }

        boolean overlaps(DetectedEvent d) {
            return assetId.equals(d.assetId()) && kind == d.kind() && !d.start().isAfter(end)
                && !start.isAfter(d.end());
        }
    }

    /**
     * What a reconciliation did.
     *
     * @param detected  events inserted
     * @param revised   events whose times, quantity or unit changed, or that were detected again after a retraction
     * @param retracted events no longer detected
     * @param unchanged events detected as they were stored
     */
    public record Outcome(int detected, int revised, int retracted, int unchanged) {
        /** Events inserted or revised. */
        public int written() {
            return detected + revised;
        }
    }

    /**
     * Reconciles the events of {@code scope} with {@code events} (which may include detections in its context).
     *
     * @throws IllegalArgumentException when an event lies outside the scope and its context (nothing is written)
     * @throws StoreException           when the database refuses (nothing is changed)
     */
    public Outcome reconcile(EventScope scope, List<DetectedEvent> events) {
        for (DetectedEvent e : events) {
            if (!scope.reaches(e)) {
                throw new IllegalArgumentException("event " + e.kind().id() + " of " + e.assetId() + " at "
                    + e.start() + " lies outside " + scope);
            }
        }
        Outcome[] outcome = new Outcome[1];
        try (Connection c = dataSource.getConnection()) {
            Transactions.run(c, tx -> outcome[0] = reconcile(tx, scope, unique(events)));
        } catch (SQLException e) {
            throw new StoreException("cannot store events of camp " + scope.campId() + ": " + e.getMessage(), e);
        }
        return outcome[0];
    }

    private Outcome reconcile(Connection c, EventScope scope, List<DetectedEvent> detections) throws SQLException {
        Instant now = clock.instant();
        List<Existing> stored = stored(c, scope);
        Map<Existing, DetectedEvent> matched = new LinkedHashMap<>();
        List<DetectedEvent> fresh = new ArrayList<>();
        for (DetectedEvent d : detections) {
            Existing same = match(d, stored, matched);
            if (same != null) {
                matched.put(same, d);
            } else if (scope.covers(d)) {
                fresh.add(d);
            }
        }
        int retracted = 0;
        for (Existing s : stored) {
            if (!matched.containsKey(s) && s.active() && !s.start().isBefore(scope.from())
                    && s.start().isBefore(scope.to())) {
                retract(c, s, reason(s, matched), now);
                retracted++;
            }
        }
        int revised = 0;
        for (Map.Entry<Existing, DetectedEvent> m : matched.entrySet()) {
            revised += revise(c, m.getKey(), m.getValue(), now) ? 1 : 0;
        }
        for (DetectedEvent d : fresh) {
            insert(c, scope.campId(), d, now);
        }
        return new Outcome(fresh.size(), revised, retracted, matched.size() - revised);
    }

    /** One detection per (asset, kind, start), the last one winning. */
    private static List<DetectedEvent> unique(List<DetectedEvent> events) {
        Map<List<Object>, DetectedEvent> unique = new LinkedHashMap<>();
        events.forEach(e -> unique.put(List.of(e.assetId(), e.kind(), e.start()), e));
        List<DetectedEvent> out = new ArrayList<>(unique.values());
        out.sort(Comparator.comparing(DetectedEvent::start));
        return out;
    }

    /** The stored event {@code d} is, if any: same asset and kind, overlapping or closest in start. */
    private Existing match(DetectedEvent d, List<Existing> stored, Map<Existing, DetectedEvent> taken) {
        Existing best = null;
        long bestScore = Long.MAX_VALUE;
        for (Existing s : stored) {
            if (taken.containsKey(s) || !s.assetId().equals(d.assetId()) || s.kind() != d.kind()) {
                continue;
            }
            long distance = Math.abs(Duration.between(s.start(), d.start()).toMillis());
            if (!s.overlaps(d) && distance > tolerance.toMillis()) {
                continue;
            }
            // an active event before a retracted one, then the nearest start
            long score = distance + (s.active() ? 0 : Long.MAX_VALUE / 2);
            if (score < bestScore) {
                best = s;
                bestScore = score;
            }
        }
        return best;
    }

    private static String reason(Existing s, Map<Existing, DetectedEvent> matched) {
        for (Map.Entry<Existing, DetectedEvent> m : matched.entrySet()) {
            if (s.overlaps(m.getValue())) {
                return "merged into event " + m.getKey().id() + " when its data was analysed again";
            }
        }
        return "no longer detected when its data was analysed again (later or corrected readings)";
    }

    private List<Existing> stored(Connection c, EventScope scope) throws SQLException {
        List<Existing> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(Sql.STORED_EVENTS)) {
            s.setString(1, scope.campId());
            s.setArray(2, c.createArrayOf("text", scope.assetIds().toArray()));
            s.setArray(3, c.createArrayOf("text", scope.kinds().stream().map(EventKind::id).toArray()));
            s.setTimestamp(4, Timestamp.from(scope.to().plus(tolerance)));
            s.setTimestamp(5, Timestamp.from(scope.contextFrom().minus(tolerance)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Existing(rs.getLong(1), rs.getString(2), EventKind.ofId(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), quantity(rs, 6),
                        rs.getString(7), rs.getString(8), rs.getInt(9)));
                }
            }
        }
        return out;
    }

    /** Writes {@code d} over {@code s}; whether that is a new revision (anything but the evidence changed). */
    private static boolean revise(Connection c, Existing s, DetectedEvent d, Instant now) throws SQLException {
        String change = change(s, d);
        boolean revision = !change.isEmpty();
        try (PreparedStatement u = c.prepareStatement(revision ? Sql.REVISE_EVENT : Sql.REFRESH_EVENT_EVIDENCE)) {
            int i = 1;
            if (revision) {
                u.setTimestamp(i++, Timestamp.from(d.start()));
                u.setTimestamp(i++, Timestamp.from(d.end()));
                setQuantity(u, i++, d.quantity());
                u.setString(i++, d.unit());
                u.setTimestamp(i++, Timestamp.from(now));
            }
            u.setString(i++, EvidenceJson.write(d.evidence()));
            u.setLong(i, s.id());
            u.executeUpdate();
        }
        if (revision) {
            history(c, s.id(), s.revision() + 1, now, EventStatus.ACTIVE, Said.of(d), change);
        }
        return revision;
    }

    /** What changed from {@code s} to {@code d}, in words; empty when nothing but the evidence did. */
    private static String change(Existing e, DetectedEvent d) {
        List<String> parts = new ArrayList<>();
        if (!e.active()) {
            parts.add("detected again");
        }
        if (!e.start().equals(d.start())) {
            parts.add("start " + e.start() + " -> " + d.start());
        }
        if (!e.end().equals(d.end())) {
            parts.add("end " + e.end() + " -> " + d.end());
        }
        if (!sameQuantity(e.quantity(), d.quantity()) || !Objects.equals(e.unit(), d.unit())) {
            parts.add("quantity " + e.quantity() + " " + e.unit() + " -> " + d.quantity() + " " + d.unit());
        }
        return String.join("; ", parts);
    }

    private static boolean sameQuantity(Double a, Double b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Math.abs(a - b) <= SAME_QUANTITY * Math.max(1, Math.abs(a));
    }

    private static void retract(Connection c, Existing s, String reason, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(Sql.RETRACT_EVENT)) {
            u.setString(1, reason);
            u.setTimestamp(2, Timestamp.from(now));
            u.setLong(3, s.id());
            u.executeUpdate();
        }
        history(c, s.id(), s.revision() + 1, now, EventStatus.RETRACTED,
            new Said(s.start(), s.end(), s.quantity(), s.unit()), "retracted: " + reason);
    }

    private static void insert(Connection c, String campId, DetectedEvent e, Instant now) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(Sql.INSERT_EVENT)) {
            s.setString(1, campId);
            s.setString(2, e.assetId());
            s.setString(3, e.kind().id());
            s.setTimestamp(4, Timestamp.from(e.start()));
            s.setTimestamp(5, Timestamp.from(e.end()));
            setQuantity(s, 6, e.quantity());
            s.setString(7, e.unit());
            s.setString(8, EvidenceJson.write(e.evidence()));
            s.setTimestamp(9, Timestamp.from(now));
            s.setTimestamp(10, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        history(c, id, 1, now, EventStatus.ACTIVE, Said.of(e), "detected");
    }

    private static void history(Connection c, long id, int revision, Instant at, String status, Said said,
                                String change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(Sql.INSERT_EVENT_REVISION)) {
            s.setLong(1, id);
            s.setInt(2, revision);
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, status);
            s.setTimestamp(5, Timestamp.from(said.start()));
            s.setTimestamp(6, Timestamp.from(said.end()));
            setQuantity(s, 7, said.quantity());
            s.setString(8, said.unit());
            s.setString(9, change);
            s.executeUpdate();
        }
    }

    private static void setQuantity(PreparedStatement s, int index, Double quantity) throws SQLException {
        if (quantity == null) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, quantity);
        }
    }

    private static Double quantity(ResultSet rs, int column) throws SQLException {
        double q = rs.getDouble(column);
        return rs.wasNull() ? null : q;
    }

    /**
     * The active events of {@code assetId} starting in {@code [from, to)}, in start order.
     *
     * @throws StoreException when the database refuses
     */
    public List<StoredEvent> events(String campId, String assetId, Instant from, Instant to) {
        List<StoredEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.EVENTS)) {
            s.setString(1, campId);
            s.setString(2, assetId);
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredEvent(rs.getLong(9), rs.getString(1), rs.getString(10), rs.getInt(11),
                        new DetectedEvent(EventKind.ofId(rs.getString(3)), rs.getString(2),
                            rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), quantity(rs, 6),
                            rs.getString(7), EvidenceJson.read(rs.getString(8)))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read events of " + assetId + ": " + e.getMessage(), e);
        }
        return out;
    }
}

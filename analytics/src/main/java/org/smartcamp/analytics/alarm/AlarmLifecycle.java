package org.smartcamp.analytics.alarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The transitions of an alarm, each on the caller's connection inside the caller's transaction: it changes the
 * alarm, appends its history and writes the notifications the rule's channels must hear of into the outbox (raised,
 * acknowledged, cleared, reopened; an update only when the severity rose; never a comment), so a transition and
 * its notifications commit together or not at all.
 */
public final class AlarmLifecycle {
    /** The actions that notify. */
    private static final Set<String> NOTIFYING = Set.of("raised", "acknowledged", "cleared", "reopened");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;
    private final AlarmMetrics metrics;

    /**
     * @param publicUrl the API's public URL, for the links in notifications
     */
    public AlarmLifecycle(String publicUrl, AlarmMetrics metrics) {
        this.outbox = new Outbox(publicUrl);
        this.metrics = metrics;
    }

    /** Why an API action was refused: the alarm is absent, or its status does not allow it. */
    public static final class TransitionRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean absent;

        TransitionRefused(String message, boolean absent) {
            super(message);
            this.absent = absent;
        }

        /** Whether the alarm does not exist (else it exists in a status that does not allow the action). */
        public boolean absent() {
            return absent;
        }
    }

    /** Raises a new alarm of {@code rule} for {@code f}; returns its id. */
    public long raise(Connection c, AlarmRule rule, Finding f, Instant at) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(AlarmSql.INSERT_ALARM)) {
            int i = 1;
            s.setLong(i++, rule.id());
            s.setString(i++, rule.missionId());
            s.setString(i++, f.campId());
            s.setString(i++, f.assetId());
            s.setString(i++, rule.condition().id());
            s.setString(i++, f.subject());
            setLong(s, i++, f.eventId());
            s.setString(i++, rule.severity().id());
            s.setString(i++, f.summary());
            setDouble(s, i++, f.quantity());
            s.setString(i++, f.unit());
            s.setString(i++, json(f.details()));
            s.setTimestamp(i++, Timestamp.from(at));
            s.setTimestamp(i, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        transition(c, id, "raised", null, null, at);
        metrics.raised(rule.severity(), rule.condition());
        return id;
    }

    /**
     * Writes what changed in {@code f} over alarm {@code id}; with {@code record}, as a revision with an
     * {@code updated} history entry (which notifies only when {@code severityRose}).
     */
    public void update(Connection c, long id, AlarmRule rule, Finding f, boolean record, boolean severityRose,
                       Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.UPDATE_ALARM)) {
            int i = 1;
            s.setString(i++, f.summary());
            setDouble(s, i++, f.quantity());
            s.setString(i++, f.unit());
            setLong(s, i++, f.eventId());
            s.setString(i++, f.assetId());
            s.setString(i++, rule.severity().id());
            s.setString(i++, json(f.details()));
            s.setTimestamp(i++, Timestamp.from(at));
            s.setBoolean(i++, record);
            s.setLong(i, id);
            s.executeUpdate();
        }
        if (record) {
            int seq = history(c, id, "updated", null, null, at);
            if (severityRose) {
                outbox.write(c, id, seq, "updated", null, null, at);
            }
        }
    }

    /** Reopens alarm {@code id}, cleared when its event was retracted, because the event is back. */
    public void reopen(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.REOPEN_ALARM)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setLong(2, id);
            s.executeUpdate();
        }
        transition(c, id, "reopened", null, null, at);
    }

    /** Notes that the condition of human-cleared alarm {@code id} has ended (a new episode may raise again). */
    public void ended(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.MARK_ENDED)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    /**
     * Acknowledges alarm {@code id} (active only).
     *
     * @throws TransitionRefused when it is absent or not active
     */
    public void acknowledge(Connection c, long id, String actor, String comment, Instant at) throws SQLException {
        String status = lock(c, id);
        if (!"active".equals(status)) {
            throw new TransitionRefused("alarm " + id + " is " + status + "; only an active alarm can be "
                + "acknowledged", false);
        }
        try (PreparedStatement s = c.prepareStatement(AlarmSql.ACKNOWLEDGE)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, actor);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, id);
            s.executeUpdate();
        }
        transition(c, id, "acknowledged", actor, comment, at);
    }

    /**
     * Clears alarm {@code id}: by {@code actor}, or by the condition ending when {@code actor} is null.
     *
     * @throws TransitionRefused when it is absent or already cleared
     */
    public void clear(Connection c, long id, String actor, String comment, Instant at) throws SQLException {
        String status = lock(c, id);
        if ("cleared".equals(status)) {
            throw new TransitionRefused("alarm " + id + " is already cleared", false);
        }
        try (PreparedStatement s = c.prepareStatement(AlarmSql.CLEAR)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, actor);
            s.setTimestamp(3, Timestamp.from(at));
            s.setLong(4, id);
            s.executeUpdate();
        }
        transition(c, id, "cleared", actor, comment, at);
    }

    /**
     * Adds a comment to alarm {@code id} (any status; it notifies no one).
     *
     * @throws TransitionRefused when it is absent
     */
    public void comment(Connection c, long id, String actor, String comment, Instant at) throws SQLException {
        lock(c, id);
        history(c, id, "commented", actor, comment, at);
    }

    /** Locks alarm {@code id}; its status. */
    private static String lock(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.LOCK_ALARM)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new TransitionRefused("alarm " + id + " does not exist", true);
                }
                return rs.getString(1);
            }
        }
    }

    private void transition(Connection c, long id, String action, String actor, String comment, Instant at)
            throws SQLException {
        int seq = history(c, id, action, actor, comment, at);
        if (NOTIFYING.contains(action)) {
            outbox.write(c, id, seq, action, actor, comment, at);
        }
    }

    private static int history(Connection c, long id, String action, String actor, String comment, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.APPEND_HISTORY)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, action);
            s.setString(3, actor);
            s.setString(4, comment);
            s.setLong(5, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("alarm details are not plain JSON values: " + e.getMessage(), e);
        }
    }

    private static void setLong(PreparedStatement s, int i, Long v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }
}

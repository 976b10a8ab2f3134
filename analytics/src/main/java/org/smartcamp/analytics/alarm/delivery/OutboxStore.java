package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The dispatcher's SQL over {@code alarm_outbox} (schema V14). Every method runs on the caller's connection, inside
 * the transaction that claimed the row: the row stays locked ({@code FOR UPDATE}) while it is delivered, so a second
 * analytics process skips it ({@code SKIP LOCKED}) and a process that dies mid-delivery leaves it pending.
 */
final class OutboxStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CLAIM = """
        SELECT o.id, o.rule_id, r.name, o.channel, o.target, o.language, o.idempotency_key, o.payload::text,
               o.attempts, o.created_at, r.quiet_hours::text, r.rate_per_hour, r.channels::text
          FROM alarm_outbox o JOIN alarm_rules r ON r.id = o.rule_id
         WHERE o.status = 'pending' AND o.next_attempt_at <= ?
         ORDER BY o.next_attempt_at, o.id
         LIMIT 1
           FOR UPDATE OF o SKIP LOCKED""";
    private static final String RECENT = """
        SELECT count(*) FROM alarm_outbox
         WHERE rule_id = ? AND channel = ? AND target = ? AND status = 'delivered' AND delivered_at > ?""";
    private static final String STATS = """
        SELECT count(*), min(created_at), min(next_attempt_at) FILTER (WHERE next_attempt_at <= ?)
          FROM alarm_outbox WHERE status = 'pending'""";

    /** Pending notifications: how many, the oldest's commit time, and the earliest due time already passed. */
    record Stats(long pending, Instant oldestCreated, Instant oldestDue) {
    }

    /** The next due pending notification, locked until the transaction ends; empty when none is due. */
    Optional<Notification> claimNext(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String body = rs.getString(8);
                int rate = rs.getInt(12);
                Integer ratePerHour = rs.wasNull() ? null : rate;
                return Optional.of(new Notification(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), body, parse(body), rs.getInt(9),
                    rs.getTimestamp(10).toInstant(), parse(rs.getString(11)), ratePerHour, parse(rs.getString(13))));
            }
        }
    }

    /**
     * Serializes the rate-limited deliveries of one rule, channel and target across processes until the
     * transaction ends, so that two dispatchers cannot both see room for one more.
     */
    void lockTarget(Connection c, Notification n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            ps.setString(1, "smartcamp-alarm-rate/" + n.ruleId() + "/" + n.channel() + "/" + n.target());
            ps.execute();
        }
    }

    /** Notifications of the rule delivered to the same channel target since {@code since}. */
    long deliveredSince(Connection c, Notification n, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECENT)) {
            ps.setLong(1, n.ruleId());
            ps.setString(2, n.channel());
            ps.setString(3, n.target());
            ps.setTimestamp(4, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void delivered(Connection c, long id, Instant at) throws SQLException {
        update(c, "UPDATE alarm_outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1"
            + " WHERE id = ?", Timestamp.from(at), id);
    }

    void retry(Connection c, long id, Instant next, String reason) throws SQLException {
        update(c, "UPDATE alarm_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
            Timestamp.from(next), reason, id);
    }

    void failed(Connection c, long id, String reason, boolean attempted) throws SQLException {
        update(c, "UPDATE alarm_outbox SET status = 'failed', attempts = attempts + ?, last_error = ? WHERE id = ?",
            attempted ? 1 : 0, reason, id);
    }

    void suppressed(Connection c, long id, String reason) throws SQLException {
        update(c, "UPDATE alarm_outbox SET status = 'suppressed', last_error = ? WHERE id = ?", reason, id);
    }

    void deferred(Connection c, long id, Instant until, String reason) throws SQLException {
        update(c, "UPDATE alarm_outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?", Timestamp.from(until),
            reason, id);
    }

    Stats stats(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(STATS)) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                Timestamp due = rs.getTimestamp(3);
                return new Stats(rs.getLong(1), oldest == null ? null : oldest.toInstant(),
                    due == null ? null : due.toInstant());
            }
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            if (ps.executeUpdate() != 1) {
                throw new SQLException("outbox row " + args[args.length - 1] + " not updated");
            }
        }
    }

    private static JsonNode parse(String json) throws SQLException {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }
}

package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Writes alarm rules, alarms, their history and outbox rows as helper "alarm" writes them (the table contract of
 * V14 and docs/alarms.md), so that the dispatcher is tested without the rule evaluation.
 */
public final class OutboxRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource ds;

    /** One outbox row written: its id and idempotency key. */
    public record Row(long id, String key) {
    }

    /** Adds mission {@code unmiss} with camp {@code juba1}. */
    public OutboxRows(DataSource ds) {
        this.ds = ds;
        update("INSERT INTO missions (id, name) VALUES ('unmiss', 'UNMISS') ON CONFLICT DO NOTHING");
        update("INSERT INTO camps (id, mission_id, name) VALUES ('juba1', 'unmiss', 'Juba 1') ON CONFLICT DO NOTHING");
    }

    /** A rule of mission unmiss, camp juba1, condition theft. */
    public long rule(String name, String channels, String quietHours, Integer ratePerHour) {
        return queryLong("INSERT INTO alarm_rules (name, mission_id, camp_id, condition, threshold, severity, channels,"
            + " quiet_hours, rate_per_hour) VALUES (?, 'unmiss', 'juba1', 'theft', 100, 'critical', ?::jsonb, ?::jsonb,"
            + " ?) RETURNING id", name, channels, quietHours, ratePerHour);
    }

    /** An active alarm of {@code rule} about tank juba1-bulk-tank. */
    public long alarm(long rule, String severity, Instant at) {
        return queryLong("INSERT INTO alarms (rule_id, mission_id, camp_id, asset_id, condition, subject_key, severity,"
            + " status, summary, quantity, unit, raised_at, updated_at) VALUES (?, 'unmiss', 'juba1',"
            + " 'juba1-bulk-tank', 'theft', 'asset:juba1-bulk-tank/' || gen_random_uuid(), ?, 'active',"
            + " '312 L left juba1-bulk-tank between 01:10 and 01:25 UTC', 312.0, 'L', ?, ?) RETURNING id", rule,
            severity, Timestamp.from(at), Timestamp.from(at));
    }

    /** Appends a transition to the alarm's history; returns its seq. */
    public int transition(long alarm, String action, String severity, Instant at) {
        return (int) queryLong("INSERT INTO alarm_history (alarm_id, seq, at, action, status, severity) SELECT ?,"
            + " coalesce(max(seq), 0) + 1, ?, ?, 'active', ? FROM alarm_history WHERE alarm_id = ? RETURNING seq",
            alarm, Timestamp.from(at), action, severity, alarm);
    }

    /** The outbox row of a transition for one channel target, pending and due at once. */
    public Row outbox(long rule, long alarm, int seq, String action, String severity, String channel, String target,
                      String language, Instant at) {
        String key = "alarm-" + alarm + "-" + seq + "-" + channel + "-" + sha256(target).substring(0, 12);
        String payload = payload(key, alarm, seq, action, severity, at).toString();
        long id = queryLong("INSERT INTO alarm_outbox (alarm_id, history_seq, rule_id, channel, target, language,"
            + " idempotency_key, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
            + " RETURNING id", alarm, seq, rule, channel, target, language, key, payload, Timestamp.from(at),
            Timestamp.from(at));
        return new Row(id, key);
    }

    /** A transition and its outbox row in one call. */
    public Row notify(long rule, long alarm, String action, String severity, String channel, String target,
                      Instant at) {
        int seq = transition(alarm, action, severity, at);
        return outbox(rule, alarm, seq, action, severity, channel, target, "en", at);
    }

    static ObjectNode payload(String key, long alarm, int seq, String action, String severity, Instant at) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "alarm." + action).put("idempotencyKey", key).put("occurredAt", at.toString());
        ObjectNode a = p.putObject("alarm");
        a.put("id", alarm).put("rule", "theft-juba1").put("condition", "theft").put("severity", severity)
            .put("status", "active").put("mission", "unmiss").put("camp", "juba1").put("asset", "juba1-bulk-tank")
            .put("summary", "312 L left juba1-bulk-tank between 01:10 and 01:25 UTC").put("quantity", 312.0)
            .put("unit", "L").put("raisedAt", at.toString()).putNull("acknowledgedAt").putNull("acknowledgedBy")
            .putNull("clearedAt").putNull("clearedBy");
        p.putObject("transition").put("seq", seq).put("action", action).putNull("actor").putNull("comment");
        p.putObject("event").put("id", 17).put("kind", "theft").put("startsAt", at.toString())
            .put("endsAt", at.toString());
        p.putObject("links").put("alarm", "http://localhost:8080/api/v1/alarms/" + alarm)
            .put("dashboard", "http://localhost:8080/#/alarms/" + alarm)
            .put("evidence", "http://localhost:8080/#/events/17");
        return p;
    }

    public String status(long id) {
        return queryString("SELECT status FROM alarm_outbox WHERE id = ?", id);
    }

    public int attempts(long id) {
        return (int) queryLong("SELECT attempts FROM alarm_outbox WHERE id = ?", id);
    }

    public String lastError(long id) {
        return queryString("SELECT last_error FROM alarm_outbox WHERE id = ?", id);
    }

    public long count(String status) {
        return queryLong("SELECT count(*) FROM alarm_outbox WHERE status = ?", status);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Marks {@code alarm} cleared by a person: the alarm evaluator of a running analytics process then leaves it
     * alone (an open alarm without a finding would be cleared by it, and that transition notified), so that only the
     * rows a test writes reach the outbox.
     */
    public void clearedByPerson(long alarm) {
        update("UPDATE alarms SET status = 'cleared', cleared_at = now(), cleared_by = 'ops' WHERE id = " + alarm);
    }

    private void update(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long queryLong(String sql, Object... args) {
        String s = queryString(sql, args);
        return s == null ? -1 : Long.parseLong(s);
    }

    private String queryString(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.smartcamp.api.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Alarms as the API serves them: lists with filters, one with its history, the counts for the header. */
public final class AlarmStore {
    private static final String COLUMNS = "a.id, r.name, a.mission_id, a.camp_id, a.asset_id, a.condition, "
        + "a.subject_key, a.event_id, a.severity, a.status, a.summary, a.quantity, a.unit, a.raised_at, a.updated_at, "
        + "a.acknowledged_at, a.acknowledged_by, a.cleared_at, a.cleared_by, a.revision, a.details::text, a.rule_id";
    /** Active first, then acknowledged, then cleared; the most severe first; the newest first. */
    private static final String ORDER = " ORDER BY CASE a.status WHEN 'active' THEN 0 WHEN 'acknowledged' THEN 1 "
        + "ELSE 2 END, CASE a.severity WHEN 'critical' THEN 0 WHEN 'major' THEN 1 WHEN 'minor' THEN 2 ELSE 3 END, "
        + "a.raised_at DESC, a.id DESC";
    private static final String LIST = "SELECT " + COLUMNS + " FROM alarms a JOIN alarm_rules r ON r.id = a.rule_id "
        + "WHERE a.camp_id = ANY (?) AND a.status = ANY (?) AND a.severity = ANY (?) AND a.condition = ANY (?) "
        + "AND (?::timestamptz IS NULL OR a.updated_at >= ?)" + ORDER + " LIMIT ?";
    private static final String COUNTS = "SELECT a.status, count(*) FROM alarms a WHERE a.camp_id = ANY (?) "
        + "AND a.status <> 'cleared' GROUP BY a.status";
    private static final String ACTIVE_BY_CAMP = "SELECT a.camp_id, a.severity, count(*) FROM alarms a "
        + "WHERE a.camp_id = ANY (?) AND a.status = 'active' GROUP BY a.camp_id, a.severity ORDER BY a.camp_id";
    private static final String ONE = "SELECT " + COLUMNS + " FROM alarms a JOIN alarm_rules r ON r.id = a.rule_id "
        + "WHERE a.id = ?";
    private static final String HISTORY = "SELECT seq, at, action, actor, comment, status, severity "
        + "FROM alarm_history WHERE alarm_id = ? ORDER BY seq";
    private static final String NOTIFICATIONS = "SELECT history_seq, channel, target, status, attempts, last_error, "
        + "created_at, next_attempt_at, delivered_at, idempotency_key FROM alarm_outbox WHERE alarm_id = ? ORDER BY id";
    private static final String CAMP = "SELECT camp_id FROM alarms WHERE id = ?";

    private AlarmStore() {
    }

    /** A list query: camps in scope and the filters (each list non-empty). */
    public record Query(List<String> camps, List<String> statuses, List<String> severities, List<String> conditions,
                        Instant since, int limit) {
    }

    /** The alarms of the query, active first, then by severity, newest first. */
    public static List<JsonObject> list(Connection c, Query q) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LIST)) {
            s.setArray(1, c.createArrayOf("text", q.camps().toArray()));
            s.setArray(2, c.createArrayOf("text", q.statuses().toArray()));
            s.setArray(3, c.createArrayOf("text", q.severities().toArray()));
            s.setArray(4, c.createArrayOf("text", q.conditions().toArray()));
            Timestamp since = q.since() == null ? null : Timestamp.from(q.since());
            s.setTimestamp(5, since);
            s.setTimestamp(6, since);
            s.setInt(7, q.limit());
            List<JsonObject> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(alarm(rs));
                }
            }
            return out;
        }
    }

    /** How many alarms of these camps are active and acknowledged. */
    public static JsonObject counts(Connection c, List<String> camps) throws SQLException {
        JsonObject out = new JsonObject().put("active", 0L).put("acknowledged", 0L);
        try (PreparedStatement s = c.prepareStatement(COUNTS)) {
            s.setArray(1, c.createArrayOf("text", camps.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /**
     * The active alarms of these camps by camp and severity: {@code {camp: {critical: n, major: n, minor: n,
     * warning: n}}}, every severity present (0 when none); a camp without an active alarm is left out.
     */
    public static JsonObject activeByCamp(Connection c, List<String> camps, List<String> severities)
        throws SQLException {
        JsonObject out = new JsonObject();
        try (PreparedStatement s = c.prepareStatement(ACTIVE_BY_CAMP)) {
            s.setArray(1, c.createArrayOf("text", camps.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonObject camp = out.getJsonObject(rs.getString(1));
                    if (camp == null) {
                        camp = new JsonObject();
                        for (String severity : severities) {
                            camp.put(severity, 0L);
                        }
                        out.put(rs.getString(1), camp);
                    }
                    camp.put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return out;
    }

    /** The camp of alarm {@code id}, or null when it does not exist. */
    public static String camp(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CAMP)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Alarm {@code id} with its history and the delivery of its notifications, or null. */
    public static JsonObject one(Connection c, long id) throws SQLException {
        JsonObject alarm;
        try (PreparedStatement s = c.prepareStatement(ONE)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                alarm = alarm(rs);
            }
        }
        JsonArray history = new JsonArray();
        try (PreparedStatement s = c.prepareStatement(HISTORY)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    history.add(new JsonObject().put("seq", rs.getInt(1)).put("at", Rows.instant(rs, 2))
                        .put("action", rs.getString(3)).put("actor", rs.getString(4)).put("comment", rs.getString(5))
                        .put("status", rs.getString(6)).put("severity", rs.getString(7)));
                }
            }
        }
        return alarm.put("history", history).put("notifications", notifications(c, id));
    }

    /**
     * Each notification of the alarm's transitions and how its delivery stands (pending, delivered, failed with the
     * reason, suppressed). A webhook's URL is shown as its origin only: a receiver's path or query may hold a token.
     */
    private static JsonArray notifications(Connection c, long id) throws SQLException {
        JsonArray out = new JsonArray();
        try (PreparedStatement s = c.prepareStatement(NOTIFICATIONS)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String channel = rs.getString(2);
                    String target = "webhook".equals(channel) ? origin(rs.getString(3)) : rs.getString(3);
                    out.add(new JsonObject().put("seq", rs.getInt(1)).put("channel", channel).put("target", target)
                        .put("status", rs.getString(4)).put("attempts", rs.getInt(5)).put("lastError", rs.getString(6))
                        .put("createdAt", Rows.instant(rs, 7)).put("nextAttemptAt", Rows.instant(rs, 8))
                        .put("deliveredAt", Rows.instant(rs, 9)).put("idempotencyKey", rs.getString(10)));
                }
            }
        }
        return out;
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return "(webhook)";
        }
    }

    private static JsonObject alarm(ResultSet rs) throws SQLException {
        long event = rs.getLong(8);
        Long eventId = rs.wasNull() ? null : event;
        return new JsonObject().put("id", rs.getLong(1)).put("rule", rs.getString(2)).put("ruleId", rs.getLong(22))
            .put("mission", rs.getString(3)).put("camp", rs.getString(4)).put("asset", rs.getString(5))
            .put("condition", rs.getString(6)).put("subject", rs.getString(7)).put("event", eventId)
            .put("severity", rs.getString(9)).put("status", rs.getString(10)).put("summary", rs.getString(11))
            .put("quantity", Rows.number(rs, 12)).put("unit", rs.getString(13)).put("raisedAt", Rows.instant(rs, 14))
            .put("updatedAt", Rows.instant(rs, 15)).put("acknowledgedAt", Rows.instant(rs, 16))
            .put("acknowledgedBy", rs.getString(17)).put("clearedAt", Rows.instant(rs, 18))
            .put("clearedBy", rs.getString(19)).put("revision", rs.getInt(20))
            .put("details", new JsonObject(rs.getString(21)));
    }
}

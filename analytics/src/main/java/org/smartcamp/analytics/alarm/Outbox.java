package org.smartcamp.analytics.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes the notifications of one alarm transition into {@code alarm_outbox}: one row per channel target of the
 * alarm's rule (a webhook URL, each e-mail address, the camp's MQTT topic), each with the same payload and its own
 * idempotency key {@code alarm-<alarm>-<seq>-<channel>-<first 12 hex of sha256(target)>}. It runs inside the
 * transition's transaction; the delivery side reads the rows.
 */
final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String publicUrl;

    Outbox(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** One notification to write. */
    private record Target(String channel, String target, String language) {
    }

    /**
     * Writes the rows of transition {@code seq} of alarm {@code alarmId}.
     *
     * @return the rows written
     */
    int write(Connection c, long alarmId, int seq, String action, String actor, String comment, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.NOTIFICATION)) {
            s.setLong(1, alarmId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("alarm " + alarmId + " vanished in its own transaction");
                }
                ObjectNode payload = payload(rs, seq, action, actor, comment, at);
                List<Target> targets = targets(rs.getString(18), rs.getString(6), rs.getString(7));
                long ruleId = rs.getLong(22);
                int written = 0;
                for (Target t : targets) {
                    String key = "alarm-" + alarmId + "-" + seq + "-" + t.channel() + "-" + sha12(t.target());
                    ObjectNode p = payload.deepCopy().put("idempotencyKey", key);
                    written += insert(c, alarmId, seq, ruleId, t, key, p, at);
                }
                return written;
            }
        }
    }

    private static int insert(Connection c, long alarmId, int seq, long ruleId, Target t, String key, ObjectNode p,
                              Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.INSERT_OUTBOX)) {
            s.setLong(1, alarmId);
            s.setInt(2, seq);
            s.setLong(3, ruleId);
            s.setString(4, t.channel());
            s.setString(5, t.target());
            s.setString(6, t.language());
            s.setString(7, key);
            s.setString(8, p.toString());
            s.setTimestamp(9, Timestamp.from(at));
            return s.executeUpdate();
        }
    }

    private static List<Target> targets(String channelsJson, String mission, String camp) throws SQLException {
        List<Target> out = new ArrayList<>();
        for (JsonNode ch : read(channelsJson)) {
            String type = ch.path("type").asText();
            switch (type) {
                case AlarmRule.Channel.WEBHOOK -> out.add(new Target(type, ch.path("url").asText(), "en"));
                case AlarmRule.Channel.EMAIL -> {
                    String lang = ch.path("language").asText("en");
                    ch.path("to").forEach(a -> out.add(new Target(type, a.asText(), lang.isEmpty() ? "en" : lang)));
                }
                case AlarmRule.Channel.MQTT -> out.add(new Target(type, "smartcamp/alarms/" + mission + "/" + camp,
                    "en"));
                default -> throw new SQLException("alarm rule channel of unknown type '" + type + "'");
            }
        }
        return out;
    }

    private ObjectNode payload(ResultSet rs, int seq, String action, String actor, String comment, Instant at)
            throws SQLException {
        long id = rs.getLong(1);
        ObjectNode p = JSON.createObjectNode().put("type", "alarm." + action).put("idempotencyKey", (String) null)
            .put("occurredAt", at.toString());
        ObjectNode a = p.putObject("alarm").put("id", id).put("rule", rs.getString(2)).put("condition",
            rs.getString(3)).put("severity", rs.getString(4)).put("status", rs.getString(5)).put("mission",
            rs.getString(6)).put("camp", rs.getString(7)).put("asset", rs.getString(8)).put("summary",
            rs.getString(9));
        double q = rs.getDouble(10);
        a.put("quantity", rs.wasNull() ? null : q).put("unit", rs.getString(11))
            .put("raisedAt", time(rs, 12)).put("acknowledgedAt", time(rs, 13)).put("acknowledgedBy", rs.getString(14))
            .put("clearedAt", time(rs, 15)).put("clearedBy", rs.getString(16));
        p.putObject("transition").put("seq", seq).put("action", action).put("actor", actor).put("comment", comment);
        long eventId = rs.getLong(17);
        boolean hasEvent = !rs.wasNull() && rs.getString(19) != null;
        if (hasEvent) {
            p.putObject("event").put("id", eventId).put("kind", rs.getString(19)).put("startsAt", time(rs, 20))
                .put("endsAt", time(rs, 21));
        } else {
            p.putNull("event");
        }
        p.putObject("links").put("alarm", publicUrl + "/api/v1/alarms/" + id)
            .put("dashboard", publicUrl + "/#/alarms/" + id)
            .put("evidence", hasEvent ? publicUrl + "/#/events/" + eventId : null);
        return p;
    }

    private static String time(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().toString();
    }

    private static JsonNode read(String json) throws SQLException {
        try {
            return JSON.readTree(json == null ? "[]" : json);
        } catch (JsonProcessingException e) {
            throw new SQLException("alarm rule channels are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The first 12 hex digits of the SHA-256 of {@code target}. */
    static String sha12(String target) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

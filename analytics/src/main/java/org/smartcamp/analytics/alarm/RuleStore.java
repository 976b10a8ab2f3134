package org.smartcamp.analytics.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@code alarm_rules} on the caller's connection. */
public final class RuleStore {
    private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleStore() {
    }

    /** Every stored rule (a row whose condition this version does not know is skipped and logged). */
    public static List<AlarmRule> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.RULES)) {
            return rules(s);
        }
    }

    /** The rules of these missions, by mission and name. */
    public static List<AlarmRule> ofMissions(Connection c, List<String> missions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.RULES_OF_MISSIONS)) {
            s.setArray(1, c.createArrayOf("text", missions.toArray()));
            return rules(s);
        }
    }

    /** The rule of this id, or null. */
    public static AlarmRule byId(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.RULE)) {
            s.setLong(1, id);
            List<AlarmRule> out = rules(s);
            return out.isEmpty() ? null : out.get(0);
        }
    }

    /**
     * Checks that the rule's mission exists and its camp, if any, belongs to it.
     *
     * @throws RuleException naming {@code mission} or {@code camp}
     */
    public static void checkScope(Connection c, AlarmRule r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.MISSION_EXISTS)) {
            s.setString(1, r.missionId());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new RuleException("mission", "mission '" + r.missionId() + "' does not exist");
                }
            }
        }
        if (r.campId() != null) {
            try (PreparedStatement s = c.prepareStatement(AlarmSql.CAMP_MISSION)) {
                s.setString(1, r.campId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getString(1).equals(r.missionId())) {
                        throw new RuleException("camp", "camp '" + r.campId() + "' is not a camp of mission '"
                            + r.missionId() + "'");
                    }
                }
            }
        }
    }

    /** Stores a new rule; its id. */
    public static long insert(Connection c, AlarmRule r, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.INSERT_RULE)) {
            int i = bind(s, r, by, at);
            s.setTimestamp(i, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Replaces rule {@code id} with {@code r}; whether it existed. */
    public static boolean update(Connection c, long id, AlarmRule r, String by, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(AlarmSql.UPDATE_RULE)) {
            int i = bind(s, r, by, at);
            s.setLong(i, id);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Deletes rule {@code id} when it never raised an alarm, else disables it (its alarms keep their rule).
     *
     * @return whether it existed
     */
    public static boolean delete(Connection c, long id, String by, Instant at) throws SQLException {
        AlarmRule r = byId(c, id);
        if (r == null) {
            return false;
        }
        boolean used;
        try (PreparedStatement s = c.prepareStatement(AlarmSql.RULE_HAS_ALARMS)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                used = rs.next();
            }
        }
        if (used) {
            update(c, id, new AlarmRule(id, r.name(), r.missionId(), r.campId(), r.condition(), r.threshold(),
                r.duration(), r.severity(), r.channels(), r.quietHours(), r.ratePerHour(), false, r.source()), by, at);
        } else {
            try (PreparedStatement s = c.prepareStatement(AlarmSql.DELETE_RULE)) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        }
        return true;
    }

    /**
     * Makes the stored configuration rules those of the file: each is inserted or replaced (matched by mission and
     * name), and a configuration rule the file no longer has is disabled (its open alarms are then cleared by the
     * next evaluation).
     *
     * @throws RuleException naming the rule and its mission or camp when they do not exist
     */
    public static void syncConfig(Connection c, List<AlarmRule> rules, Instant at) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (AlarmRule r : rules) {
            try {
                checkScope(c, r);
            } catch (RuleException e) {
                throw new RuleException("alarm rule '" + r.name() + "' " + e.field(), e.getMessage()
                    .substring(e.field().length() + 2));
            }
            keys.add(r.missionId() + "/" + r.name());
            Long id = null;
            try (PreparedStatement s = c.prepareStatement(AlarmSql.CONFIG_RULE_ID)) {
                s.setString(1, r.missionId());
                s.setString(2, r.name());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                    }
                }
            }
            if (id == null) {
                insert(c, r, "config", at);
            } else {
                update(c, id, r, "config", at);
            }
        }
        try (PreparedStatement s = c.prepareStatement(AlarmSql.DISABLE_OTHER_CONFIG_RULES)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setArray(2, c.createArrayOf("text", keys.toArray()));
            s.executeUpdate();
        }
    }

    private static int bind(PreparedStatement s, AlarmRule r, String by, Instant at) throws SQLException {
        int i = 1;
        s.setString(i++, r.name());
        s.setString(i++, r.missionId());
        s.setString(i++, r.campId());
        s.setString(i++, r.condition().id());
        if (r.threshold() == null) {
            s.setNull(i++, Types.DOUBLE);
        } else {
            s.setDouble(i++, r.threshold());
        }
        if (r.duration() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, (int) Math.min(Integer.MAX_VALUE, r.duration().toSeconds()));
        }
        s.setString(i++, r.severity().id());
        s.setString(i++, r.channelsJson().toString());
        s.setString(i++, r.quietHours() == null ? null : r.quietHours().toString());
        if (r.ratePerHour() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, r.ratePerHour());
        }
        s.setBoolean(i++, r.enabled());
        s.setString(i++, r.source());
        s.setString(i++, by);
        s.setTimestamp(i++, Timestamp.from(at));
        return i;
    }

    private static List<AlarmRule> rules(PreparedStatement s) throws SQLException {
        List<AlarmRule> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                AlarmCondition condition = AlarmCondition.ofId(rs.getString(5));
                Severity severity = Severity.ofId(rs.getString(8));
                if (condition == null || severity == null) {
                    LOG.warn("Alarm rule {} has condition '{}', which this version does not know; skipped",
                        rs.getLong(1), rs.getString(5));
                    continue;
                }
                double t = rs.getDouble(6);
                Double threshold = rs.wasNull() ? null : t;
                int d = rs.getInt(7);
                Duration duration = rs.wasNull() ? null : Duration.ofSeconds(d);
                int rate = rs.getInt(11);
                Integer ratePerHour = rs.wasNull() ? null : rate;
                out.add(new AlarmRule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), condition,
                    threshold, duration, severity, channels(rs.getString(9)), json(rs.getString(10)), ratePerHour,
                    rs.getBoolean(12), rs.getString(13)));
            }
        }
        return out;
    }

    private static List<AlarmRule.Channel> channels(String text) throws SQLException {
        List<AlarmRule.Channel> out = new ArrayList<>();
        JsonNode a = json(text);
        if (a == null) {
            return out;
        }
        for (JsonNode ch : a) {
            List<String> to = new ArrayList<>();
            ch.path("to").forEach(t -> to.add(t.asText()));
            out.add(new AlarmRule.Channel(ch.path("type").asText(), text(ch, "url"), text(ch, "secret"), to,
                text(ch, "language")));
        }
        return out;
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode json(String text) throws SQLException {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("alarm rule JSON is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package org.smartcamp.analytics.alarm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.smartcamp.ingest.catalogue.Figure;

/**
 * What each condition finds in the store now, per subject. Event conditions look at events detected or revised
 * within the look-back (and at those already alarmed); state conditions at the latest data.
 */
final class FindingQueries {
    /** How far past a state event's end the asset may have reported and the state still count as ongoing. */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private final Duration lookback;

    FindingQueries(Duration lookback) {
        this.lookback = lookback;
    }

    /** The findings of {@code rule} now, by subject (none for a disabled rule). */
    Map<String, Finding> find(Connection c, AlarmRule rule, Instant now) throws SQLException {
        if (!rule.enabled()) {
            return Map.of();
        }
        return switch (rule.condition().basis()) {
            case EVENT -> events(c, rule, now);
            case ONGOING_EVENT -> ongoing(c, rule, now);
            case FIGURE -> figures(c, rule);
            case GATEWAY -> gateways(c, rule, now);
        };
    }

    private Map<String, Finding> events(Connection c, AlarmRule rule, Instant now) throws SQLException {
        Map<String, Finding> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(AlarmSql.EVENT_FINDINGS)) {
            scope(s, rule);
            s.setString(4, rule.condition().kind().id());
            s.setDouble(5, rule.threshold() == null ? 0 : rule.threshold());
            s.setTimestamp(6, Timestamp.from(now.minus(lookback)));
            s.setLong(7, rule.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Finding f = event(rs, rule, "event:" + rs.getLong(1));
                    out.put(f.subject(), f);
                }
            }
        }
        return out;
    }

    private Map<String, Finding> ongoing(Connection c, AlarmRule rule, Instant now) throws SQLException {
        Map<String, Finding> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(AlarmSql.ONGOING_FINDINGS)) {
            scope(s, rule);
            s.setString(4, rule.condition().kind().id());
            s.setLong(5, rule.duration() == null ? 0 : rule.duration().toSeconds());
            s.setTimestamp(6, Timestamp.from(now.minus(lookback)));
            s.setLong(7, GRACE.toSeconds());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    // the latest such event of the asset stands for the state (ordered by start)
                    String subject = "asset:" + rs.getString(2) + "/" + rs.getString(3) + "/"
                        + rule.condition().kind().id();
                    Finding f = event(rs, rule, subject);
                    out.put(subject, f);
                }
            }
        }
        return out;
    }

    private static Finding event(ResultSet rs, AlarmRule rule, String subject) throws SQLException {
        Instant start = rs.getTimestamp(4).toInstant();
        Instant end = rs.getTimestamp(5).toInstant();
        double q = rs.getDouble(6);
        Double quantity = rs.wasNull() ? null : q;
        String unit = rs.getString(7);
        String asset = rs.getString(3);
        String label = rule.condition().kind().label("en");
        String summary;
        if (rule.condition().basis() == AlarmCondition.Basis.EVENT) {
            summary = label + (quantity == null ? "" : ": " + amount(quantity) + " " + unit) + " on " + asset
                + " between " + HM.format(start) + " and " + HM.format(end) + " UTC";
        } else {
            summary = label + " on " + asset + " since " + HM.format(start) + " UTC";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("startsAt", start.toString());
        details.put("endsAt", end.toString());
        if (rule.condition().basis() == AlarmCondition.Basis.ONGOING_EVENT) {
            // a state alarm keeps its row while the state lasts; the times of the latest data are details
            return new Finding(subject, rs.getString(2), asset, rs.getLong(1), summary, null, null, details);
        }
        return new Finding(subject, rs.getString(2), asset, rs.getLong(1), summary, quantity, unit, details);
    }

    private static Map<String, Finding> figures(Connection c, AlarmRule rule) throws SQLException {
        Map<String, Finding> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(AlarmSql.FIGURE_FINDINGS)) {
            scope(s, rule);
            s.setString(4, Figure.DAYS_OF_SUPPLY.id());
            s.setDouble(5, rule.threshold());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean camp = "camp".equals(rs.getString(1));
                    String camps = rs.getString(3);
                    String subject = camp ? "camp:" + camps : "asset:" + camps + "/" + rs.getString(2);
                    double days = rs.getDouble(4);
                    String summary = "Days of supply below " + amount(rule.threshold()) + " d at "
                        + (camp ? "camp " + camps : rs.getString(2) + " (" + camps + ")");
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("daysOfSupply", Math.round(days * 10) / 10.0);
                    Timestamp asOf = rs.getTimestamp(5);
                    if (asOf != null) {
                        details.put("asOf", asOf.toInstant().toString());
                    }
                    out.put(subject, new Finding(subject, camps, camp ? null : rs.getString(2), null, summary, null,
                        null, details));
                }
            }
        }
        return out;
    }

    private static Map<String, Finding> gateways(Connection c, AlarmRule rule, Instant now) throws SQLException {
        Map<String, Finding> out = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(AlarmSql.GATEWAY_FINDINGS)) {
            scope(s, rule);
            s.setTimestamp(4, Timestamp.from(now.minus(rule.duration())));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String subject = "gateway:" + rs.getString(1) + "/" + rs.getString(2);
                    Instant last = rs.getTimestamp(3).toInstant();
                    String summary = "Gateway " + rs.getString(2) + " of camp " + rs.getString(1)
                        + " silent since " + HM.format(last) + " UTC";
                    out.put(subject, new Finding(subject, rs.getString(1), null, null, summary, null, null,
                        Map.of("lastReceivedAt", last.toString())));
                }
            }
        }
        return out;
    }

    private static void scope(PreparedStatement s, AlarmRule rule) throws SQLException {
        s.setString(1, rule.missionId());
        s.setString(2, rule.campId());
        s.setString(3, rule.campId());
    }

    private static String amount(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}

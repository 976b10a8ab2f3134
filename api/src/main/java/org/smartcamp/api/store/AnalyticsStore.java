package org.smartcamp.api.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.api.http.Cursor;
import org.smartcamp.api.i18n.EventExplanation;
import org.smartcamp.api.i18n.Messages;

/**
 * Reads the precomputed analytics (analytics_daily, analytics_current, analytics_events) and the gateways'
 * last word: nothing is recomputed on request.
 */
public final class AnalyticsStore {
    /** The stored account's keys and the names the API serves them by. */
    private static final String[][] ACCOUNT_KEYS = {{"opening_l", "openingL"}, {"in_l", "inL"},
        {"thefts_l", "theftsL"}, {"leak_l", "leakL"}, {"consumed_l", "consumedL"}, {"moved_out_l", "movedOutL"},
        {"closing_l", "closingL"}, {"uncertainty_l", "uncertaintyL"}, {"uncertainty_95_l", "uncertainty95L"},
        {"within", "within"}, {"verdict", "verdict"}};

    /** The column of a daily figure's detail (daily rows only). */
    private static final int DETAIL_COLUMN = 10;
    private static final EventExplanation EXPLANATION = EventExplanation.load();

    private AnalyticsStore() {
    }

    /** How figures are served: per UTC hour or day as stored, or the daily ones per UTC month. */
    public enum Period {
        HOUR("hour", "hourly"), DAY("day", "daily"), MONTH("month", "monthly");

        private final String key;
        private final String listing;

        Period(String key, String listing) {
            this.key = key;
            this.listing = listing;
        }

        /** The field naming the row's hour (an instant) or day or month (its first day, {@code YYYY-MM-DD}). */
        public String key() {
            return key;
        }

        /** {@code hourly}, {@code daily} or {@code monthly}. */
        public String listing() {
            return listing;
        }
    }

    /** Daily figures of the subjects over {@code [from, toExclusive)}, in (kind, subject, day, figure) order. */
    public static Page daily(Connection c, Registry registry, Subjects s, LocalDate from, LocalDate toExclusive,
                             List<String> cursor, int limit) throws SQLException {
        return figures(c, registry, s, Period.DAY, from, toExclusive, cursor, limit);
    }

    /**
     * The daily figures of the subjects over {@code [from, toExclusive)} per {@code period}, in (kind, subject,
     * day or month, figure) order; per month, litres, kWh, hours, kg and counts are summed, other figures averaged
     * weighted by coverage, and the coverage is that of the month's days inside the range.
     */
    public static Page figures(Connection c, Registry registry, Subjects s, Period period, LocalDate from,
                               LocalDate toExclusive, List<String> cursor, int limit) throws SQLException {
        if (period == Period.HOUR) {
            throw new IllegalArgumentException("hourly figures take instants: use hourly()");
        }
        if (period == Period.DAY) {
            return byKind(c, registry, s, new Listed(Queries.FIGURES_DAILY, "day", (ps, i) -> {
                ps.setDate(i, Date.valueOf(from));
                ps.setDate(i + 1, Date.valueOf(toExclusive));
                return i + 2;
            }, (ps, i, key) -> ps.setDate(i, Date.valueOf(key == null ? LocalDate.EPOCH : LocalDate.parse(key))),
                rs -> rs.getString(3)), cursor, limit);
        }
        try (PreparedStatement ps = c.prepareStatement(Queries.FIGURES_MONTHLY)) {
            int i = bindSubjects(c, ps, 1, s);
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i++, Date.valueOf(toExclusive));
            ps.setDate(i++, Date.valueOf(toExclusive));
            ps.setDate(i++, Date.valueOf(from));
            try {
                ps.setString(i++, cursor == null ? "" : cursor.get(0));
                ps.setString(i++, cursor == null ? "" : cursor.get(1));
                ps.setString(i++, cursor == null ? "" : cursor.get(2));
                ps.setDate(i++, Date.valueOf(cursor == null ? LocalDate.EPOCH : LocalDate.parse(cursor.get(3))));
                ps.setString(i++, cursor == null ? "" : cursor.get(4));
            } catch (RuntimeException e) {
                throw Cursor.malformed();
            }
            ps.setInt(i, limit + 1);
            Page.Builder page = new Page.Builder(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(figureRow(rs, period.key(), rs.getString(3)), List.of(rs.getString(1),
                        rs.getString(9), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return page.build();
        }
    }

    /** Hourly figures of the subjects over {@code [from, to)}, in (kind, subject, hour, figure) order. */
    public static Page hourly(Connection c, Registry registry, Subjects s, Instant from, Instant to,
                              List<String> cursor, int limit) throws SQLException {
        return byKind(c, registry, s, new Listed(Queries.FIGURES_HOURLY, "hour", (ps, i) -> {
            ps.setTimestamp(i, Timestamp.from(from));
            ps.setTimestamp(i + 1, Timestamp.from(to));
            return i + 2;
        }, (ps, i, key) -> ps.setTimestamp(i, Timestamp.from(key == null ? Instant.EPOCH : Instant.parse(key))),
            rs -> Rows.instant(rs, 3)), cursor, limit);
    }

    private interface RangeBinder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    /** Binds a cursor's time, or the earliest time when {@code key} is null. */
    private interface KeyBinder {
        void bind(PreparedStatement ps, int index, String key) throws SQLException;
    }

    private interface TimeReader {
        String read(ResultSet rs) throws SQLException;
    }

    /** One listing of figure rows: its query of one subject kind, its time column and how to bind and read it. */
    private record Listed(String sql, String timeKey, RangeBinder range, KeyBinder cursorTime, TimeReader time) {
    }

    /**
     * A page of figure rows in (kind, subject, time, figure) order, read one subject kind at a time ({@code asset}
     * sorts before {@code camp}) so that each query is a bounded primary-key range scan.
     */
    private static Page byKind(Connection c, Registry registry, Subjects s, Listed listed, List<String> cursor,
                               int limit) throws SQLException {
        Page.Builder page = new Page.Builder(limit);
        int wanted = limit + 1;
        for (String kind : List.of("asset", "camp")) {
            List<String> ids = "asset".equals(kind) ? s.assets() : s.camps();
            List<String> camps = "asset".equals(kind) ? s.assetCamps() : s.camps();
            boolean resume = cursor != null && cursor.get(0).equals(kind);
            if (ids.isEmpty() || wanted == 0 || (cursor != null && cursor.get(0).compareTo(kind) > 0)) {
                continue;
            }
            try (PreparedStatement ps = c.prepareStatement(listed.sql())) {
                ps.setString(1, kind);
                ps.setArray(2, c.createArrayOf("text", camps.toArray()));
                ps.setArray(3, c.createArrayOf("text", ids.toArray()));
                ps.setString(4, ids.stream().min(String::compareTo).orElseThrow());
                ps.setString(5, ids.stream().max(String::compareTo).orElseThrow());
                ps.setArray(6, c.createArrayOf("text", s.figurePatterns().toArray()));
                int i = listed.range().bind(ps, 7);
                try {
                    ps.setString(i, resume ? cursor.get(1) : "");
                    ps.setString(i + 1, resume ? cursor.get(2) : "");
                    listed.cursorTime().bind(ps, i + 2, resume ? cursor.get(3) : null);
                    ps.setString(i + 3, resume ? cursor.get(4) : "");
                } catch (RuntimeException e) {
                    throw Cursor.malformed();
                }
                ps.setInt(i + 4, wanted);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String t = listed.time().read(rs);
                        JsonObject row = figureRow(rs, listed.timeKey(), t);
                        if (rs.getMetaData().getColumnCount() >= DETAIL_COLUMN) {
                            Object detail = Rows.json(rs, DETAIL_COLUMN);
                            if (detail != null) {
                                row.put("detail", detail);
                            }
                        }
                        page.add(row,
                            List.of(rs.getString(1), rs.getString(9), rs.getString(2), t, rs.getString(4)));
                        wanted--;
                    }
                }
            }
        }
        return page.build();
    }

    /**
     * A tank's daily accounts over {@code [from, toExclusive)}, at most {@code limit}: per day the opening and
     * closing level, what came in, thefts, leak, consumption by the consumers' own sources, moved out, the residual
     * with its uncertainty and whether it is within it, and each consumer's litres and source.
     */
    public static List<JsonObject> tankAccounts(Connection c, Registry.Asset tank, LocalDate from,
                                                LocalDate toExclusive, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.TANK_ACCOUNTS)) {
            ps.setString(1, tank.campId());
            ps.setString(2, tank.id());
            ps.setDate(3, Date.valueOf(from));
            ps.setDate(4, Date.valueOf(toExclusive));
            ps.setInt(5, limit);
            List<JsonObject> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject row = new JsonObject().put("camp", tank.campId()).put("tank", tank.id())
                        .put("day", rs.getString(1));
                    Object detail = Rows.json(rs, 5);
                    JsonObject d = detail instanceof JsonObject o ? o : new JsonObject();
                    for (String[] k : ACCOUNT_KEYS) {
                        row.put(k[1], d.getValue(k[0]));
                    }
                    row.put("residualL", Rows.number(rs, 2)).put("coverage", Rows.number(rs, 3))
                        .put("consumers", d.getJsonObject("consumers", new JsonObject()))
                        .put("computedAt", Rows.instant(rs, 4));
                    out.add(row);
                }
            }
            return out;
        }
    }

    /** A daily, hourly or monthly figure row; its camp is column 9. */
    private static JsonObject figureRow(ResultSet rs, String timeKey, String time) throws SQLException {
        return subject(rs.getString(1), rs.getString(9), rs.getString(2)).put(timeKey, time)
            .put("figure", rs.getString(4))
            .put("value", Rows.number(rs, 5)).put("unit", rs.getString(6)).put("coverage", Rows.number(rs, 7))
            .put("computedAt", Rows.instant(rs, 8));
    }

    /** Current figures of the subjects, in (kind, subject, figure) order. */
    public static Page current(Connection c, Registry registry, Subjects s, List<String> cursor, int limit)
        throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.FIGURES_CURRENT)) {
            int i = bindSubjects(c, ps, 1, s);
            for (int k = 0; k < 4; k++) {
                ps.setString(i++, cursor == null ? "" : cursor.get(k));
            }
            ps.setInt(i, limit + 1);
            Page.Builder page = new Page.Builder(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject row = subject(rs.getString(1), rs.getString(11), rs.getString(2))
                        .put("figure", rs.getString(3)).put("value", Rows.number(rs, 4)).put("unit", rs.getString(5))
                        .put("low", Rows.number(rs, 6)).put("high", Rows.number(rs, 7))
                        .put("coverage", Rows.number(rs, 8)).put("asOf", Rows.instant(rs, 9))
                        .put("detail", Rows.json(rs, 10));
                    page.add(row, List.of(rs.getString(1), rs.getString(11), rs.getString(2), rs.getString(3)));
                }
            }
            return page.build();
        }
    }

    /** Per subject: days with figures, mean and least coverage, and figures below {@code threshold}. */
    public static List<JsonObject> coverage(Connection c, Registry registry, Subjects s, LocalDate from,
                                            LocalDate toExclusive, double threshold) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.COVERAGE)) {
            ps.setDouble(1, threshold);
            int i = bindSubjects(c, ps, 2, s);
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i, Date.valueOf(toExclusive));
            List<JsonObject> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(subject(rs.getString(1), rs.getString(7), rs.getString(2)).put("days", rs.getLong(3))
                        .put("coverageMean", Rows.number(rs, 4)).put("coverageMin", Rows.number(rs, 5))
                        .put("figuresBelowThreshold", rs.getLong(6)));
                }
            }
            return out;
        }
    }

    /** Events of these camps (and assets, when given) and kinds overlapping {@code [from, to)}, in English. */
    public static Page events(Connection c, EventQuery q) throws SQLException {
        return events(c, q, Messages.DEFAULT);
    }

    /**
     * Events of these camps (and assets, when given) and kinds overlapping {@code [from, to)}, each with the
     * detector's English {@code explanation} and its {@code localizedExplanation} in {@code lang} (the stored
     * English when its figures cannot say it again).
     */
    public static Page events(Connection c, EventQuery q, String lang) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.EVENTS)) {
            ps.setArray(1, c.createArrayOf("text", q.camps().toArray()));
            ps.setArray(2, c.createArrayOf("text", q.assets().toArray()));
            ps.setArray(3, c.createArrayOf("text", q.assets().toArray()));
            ps.setArray(4, c.createArrayOf("text", q.kinds().toArray()));
            ps.setArray(5, c.createArrayOf("text", q.statuses().toArray()));
            ps.setTimestamp(6, Timestamp.from(q.to()));
            ps.setTimestamp(7, Timestamp.from(q.from()));
            try {
                Instant after = q.cursor() == null ? Instant.EPOCH : Instant.parse(q.cursor().get(0));
                ps.setTimestamp(8, Timestamp.from(after));
                ps.setLong(9, q.cursor() == null ? 0 : Long.parseLong(q.cursor().get(1)));
            } catch (RuntimeException e) {
                throw Cursor.malformed();
            }
            ps.setInt(10, q.limit() + 1);
            Page.Builder page = new Page.Builder(q.limit());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject row = event(rs).put("explanation", rs.getString(13));
                    localize(row, lang, Rows.json(rs, 14));
                    page.add(row, List.of(row.getString("start"), row.getLong("id")));
                }
            }
            return page.build();
        }
    }

    /**
     * The event with its evidence and history (every revision: what it said and what changed), or null. A
     * retracted event is served too, with the reason: an event id stays valid for the life of the event.
     */
    public static JsonObject event(Connection c, long id) throws SQLException {
        JsonObject event;
        try (PreparedStatement ps = c.prepareStatement(Queries.EVENT)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                event = event(rs).put("retractedReason", rs.getString(14)).put("evidence", Rows.json(rs, 13));
            }
        }
        try (PreparedStatement ps = c.prepareStatement(Queries.EVENT_HISTORY)) {
            ps.setLong(1, id);
            JsonArray history = new JsonArray();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.add(new JsonObject().put("revision", rs.getInt(1)).put("at", Rows.instant(rs, 2))
                        .put("status", rs.getString(3)).put("start", Rows.instant(rs, 4))
                        .put("end", Rows.instant(rs, 5)).put("quantity", Rows.number(rs, 6))
                        .put("unit", rs.getString(7)).put("change", rs.getString(8)));
                }
            }
            return event.put("history", history);
        }
    }

    /**
     * The gateways of these camps with their last sequence number and times, and how many metrics the catalogue
     * does not know each sent ({@code unknownMetrics}) in how many readings ({@code unknownMetricReadings}), and
     * the online/offline status that stateful formats report (Sparkplug B births and deaths; null for the others).
     */
    public static List<JsonObject> gateways(Connection c, List<String> camps) throws SQLException {
        return gateways(c, Queries.GATEWAYS, camps, null);
    }

    /** The gateways named {@code id} in these camps (one per camp that has one), as {@link #gateways}. */
    public static List<JsonObject> gatewaysNamed(Connection c, List<String> camps, String id) throws SQLException {
        return gateways(c, Queries.GATEWAY, camps, id);
    }

    /** A gateway's metrics unknown to the catalogue, with their first and last sighting, by name. */
    public static List<JsonObject> unknownMetrics(Connection c, String camp, String gateway) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Queries.GATEWAY_UNKNOWN_METRICS)) {
            ps.setString(1, camp);
            ps.setString(2, gateway);
            try (ResultSet rs = ps.executeQuery()) {
                List<JsonObject> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new JsonObject().put("metric", rs.getString(1)).put("unit", rs.getString(2))
                        .put("firstSeenAt", Rows.instant(rs, 3)).put("lastSeenAt", Rows.instant(rs, 4))
                        .put("readings", rs.getLong(5)));
                }
                return out;
            }
        }
    }

    private static List<JsonObject> gateways(Connection c, String sql, List<String> camps, String id)
        throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", camps.toArray()));
            if (id != null) {
                ps.setString(2, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<JsonObject> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new JsonObject().put("camp", rs.getString(1)).put("gateway", rs.getString(2))
                        .put("lastSeq", rs.getObject(3) == null ? null : rs.getLong(3))
                        .put("lastSentAt", Rows.instant(rs, 4)).put("lastReceivedAt", Rows.instant(rs, 5))
                        .put("messages", rs.getLong(6)).put("unknownMetricCount", rs.getLong(7))
                        .put("unknownMetricReadings", rs.getLong(8)).put("status", rs.getString(9))
                        .put("statusChangedAt", Rows.instant(rs, 10)));
                }
                return out;
            }
        }
    }

    /**
     * Adds to {@code event} its {@code localizedExplanation} in {@code lang}, written again from {@code evidence}
     * ({@code metric} and {@code figures}), else its stored English {@code explanation}.
     */
    public static JsonObject localize(JsonObject event, String lang, Object evidence) {
        String text = evidence instanceof JsonObject e ? EXPLANATION.text(lang, event.getString("kind"),
            event.getString("start"), event.getString("end"), e) : null;
        String english = event.getString("explanation") != null ? event.getString("explanation")
            : evidence instanceof JsonObject e ? e.getString("explanation") : null;
        return event.put("localizedExplanation", text != null ? text : english);
    }

    private static JsonObject event(ResultSet rs) throws SQLException {
        return new JsonObject().put("id", rs.getLong(1)).put("camp", rs.getString(2)).put("asset", rs.getString(3))
            .put("kind", rs.getString(4)).put("start", Rows.instant(rs, 5)).put("end", Rows.instant(rs, 6))
            .put("quantity", Rows.number(rs, 7)).put("unit", rs.getString(8)).put("detectedAt", Rows.instant(rs, 9))
            .put("status", rs.getString(10)).put("revision", rs.getInt(11)).put("updatedAt", Rows.instant(rs, 12));
    }

    private static int bindSubjects(Connection c, PreparedStatement ps, int first, Subjects s) throws SQLException {
        int i = first;
        for (List<List<String>> kind : List.of(List.of(s.camps(), s.camps()), List.of(s.assetCamps(), s.assets()))) {
            List<String> ids = kind.get(1);
            ps.setArray(i++, c.createArrayOf("text", kind.get(0).toArray()));
            ps.setArray(i++, c.createArrayOf("text", ids.toArray()));
            ps.setString(i++, ids.stream().min(String::compareTo).orElse(""));
            ps.setString(i++, ids.stream().max(String::compareTo).orElse(""));
        }
        ps.setArray(i, c.createArrayOf("text", s.figurePatterns().toArray()));
        return i + 1;
    }

    private static JsonObject subject(String kind, String campId, String id) {
        boolean asset = "asset".equals(kind);
        return new JsonObject().put("subjectKind", kind).put("subjectId", id)
            .put("camp", campId.isEmpty() ? null : campId).put("asset", asset ? id : null);
    }
}

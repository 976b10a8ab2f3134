package org.smartcamp.api.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading JDBC values as JSON values: times as ISO 8601 UTC text, dates as YYYY-MM-DD, jsonb as JSON. */
final class Rows {
    private Rows() {
    }

    /** The ISO 8601 UTC text of a timestamptz column, or null. */
    static String instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant().toString();
    }

    /** A double column, or null. */
    static Double number(ResultSet rs, int col) throws SQLException {
        double d = rs.getDouble(col);
        return rs.wasNull() ? null : d;
    }

    /** A jsonb column as a JsonObject or JsonArray, or null. */
    static Object json(ResultSet rs, int col) throws SQLException {
        String text = rs.getString(col);
        if (text == null) {
            return null;
        }
        return text.trim().startsWith("[") ? new JsonArray(text) : new JsonObject(text);
    }

    /** A text[] column as a list. */
    static List<String> texts(ResultSet rs, int col) throws SQLException {
        Array a = rs.getArray(col);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    /** Every column of the current row, under camel-cased column names, typed as JSON. */
    static JsonObject object(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        JsonObject o = new JsonObject();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            o.put(camel(md.getColumnLabel(i)), value(rs, md, i));
        }
        return o;
    }

    private static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        switch (md.getColumnType(i)) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return instant(rs, i);
            case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC:
                return number(rs, i);
            case Types.INTEGER, Types.SMALLINT, Types.BIGINT:
                long n = rs.getLong(i);
                return rs.wasNull() ? null : n;
            case Types.BIT, Types.BOOLEAN:
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? null : b;
            case Types.DATE:
                String d = rs.getString(i);
                return d;
            default:
                return "jsonb".equals(md.getColumnTypeName(i)) ? json(rs, i) : rs.getString(i);
        }
    }

    /** {@code mission_id -> missionId}. */
    static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }

    /** Every row of {@code rs} as {@link #object}. */
    static List<JsonObject> objects(ResultSet rs) throws SQLException {
        List<JsonObject> out = new ArrayList<>();
        while (rs.next()) {
            out.add(object(rs));
        }
        return out;
    }
}

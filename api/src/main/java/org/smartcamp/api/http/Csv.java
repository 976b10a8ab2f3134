package org.smartcamp.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled. Nested JSON is written as its JSON text. Text starting with {@code = + - @} gets a leading
 * apostrophe so spreadsheets do not run it as a formula (numbers are written as numbers).
 */
public final class Csv {
    private Csv() {
    }

    /** The table of {@code rows} with these columns (keys of the rows), header first. */
    public static String write(List<String> columns, List<JsonObject> rows) {
        StringBuilder out = new StringBuilder(64 + rows.size() * 64);
        line(out, columns.stream().map(c -> (Object) c).toList());
        for (JsonObject row : rows) {
            line(out, columns.stream().map(c -> row.getValue(c)).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One field, quoted as needed. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value instanceof JsonObject o ? o.encode() : value instanceof JsonArray a ? a.encode()
            : value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

package org.smartcamp.api.report;

import java.util.List;

/**
 * One table of the report, as both the PDF and the XLSX show it: an id (the XLSX sheet's key), a title, its
 * columns and rows. A cell is a {@code String}, a {@code Double} (shown as its column says), a {@code Long} (an
 * event id), a {@code java.time.Instant} or {@code LocalDate}, or null (unknown: "–").
 *
 * @param note text under the table (how its numbers are made), or null
 */
public record ReportTable(String id, String title, List<Column> columns, List<List<Object>> rows, String note) {

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(java.util.Collections::unmodifiableList).toList();
    }

    /** How a column's numbers are shown. */
    public enum Kind { TEXT, NUMBER, PERCENT, ID, TIME, DATE }

    /**
     * A column: its header, kind, decimals and unit (for numbers).
     */
    public record Column(String header, Kind kind, int decimals, String unit) {
        public static Column text(String header) {
            return new Column(header, Kind.TEXT, 0, null);
        }

        public static Column number(String header, int decimals, String unit) {
            return new Column(header, Kind.NUMBER, decimals, unit);
        }

        public static Column percent(String header) {
            return new Column(header, Kind.PERCENT, 1, "%");
        }

        public static Column of(String header, Kind kind) {
            return new Column(header, kind, 0, null);
        }
    }
}

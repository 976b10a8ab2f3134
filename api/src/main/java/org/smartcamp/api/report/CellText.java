package org.smartcamp.api.report;

import java.time.Instant;
import java.time.LocalDate;

/** A table cell as text in the report's language. */
final class CellText {
    private CellText() {
    }

    static String of(ReportText text, ReportTable.Column column, Object value) {
        if (value == null) {
            return "–";
        }
        return switch (column.kind()) {
            case NUMBER -> column.unit() == null ? text.number((Double) value, column.decimals())
                : text.quantity((Double) value, column.decimals(), column.unit());
            case PERCENT -> text.percent((Double) value);
            // kept on one line in a narrow column
            case TIME -> text.time((Instant) value).replace(' ', '\u00a0');
            case DATE -> text.date((LocalDate) value).replace(' ', '\u00a0');
            case ID, TEXT -> value.toString();
        };
    }
}

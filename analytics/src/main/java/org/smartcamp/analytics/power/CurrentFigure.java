package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code analytics_current}: a figure of an asset or a camp as of the latest data, with an interval where
 * one exists and details (stored as JSON).
 *
 * @param subjectKind {@code asset} or {@code camp}
 * @param subjectId   the asset or camp id
 * @param figure      the figure's name, e.g. {@code hours_to_service}
 * @param value       the value (finite)
 * @param unit        its unit
 * @param low         lower end of its interval, or {@code null}
 * @param high        upper end of its interval, or {@code null}
 * @param coverage    share of the data present, 0..1
 * @param asOf        the time the figure describes
 * @param detail      details for the JSON column (numbers, strings, booleans, lists and maps of them)
 */
public record CurrentFigure(String subjectKind, String subjectId, String figure, double value, String unit,
                            Double low, Double high, double coverage, Instant asOf, Map<String, Object> detail) {

    public CurrentFigure {
        Objects.requireNonNull(subjectId, "subjectId");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(figure + " is not finite: " + value);
        }
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}

package org.smartcamp.analytics.store;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A figure of one UTC day for an asset or a camp, e.g. {@code energy_kwh}, with the share of the expected data it
 * rests on (gaps are not zeros: a day half covered says so).
 *
 * @param value    the figure, or {@code null} when it cannot be computed (coverage then says why)
 * @param coverage 0..1
 * @param detail   how the figure was made (a fuel figure's source, reason and uncertainty; a tank's account),
 *                 stored as JSON; empty for most figures
 */
public record DailyFigure(Subject subject, String subjectId, LocalDate day, String figure, Double value,
                          String unit, double coverage, Map<String, Object> detail) {

    /** A figure without detail. */
    public DailyFigure(Subject subject, String subjectId, LocalDate day, String figure, Double value, String unit,
                       double coverage) {
        this(subject, subjectId, day, figure, value, unit, coverage, Map.of());
    }

    public DailyFigure {
        detail = detail == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detail));
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(figure, "figure");
        FigureNames.requireKnown(figure);
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage of " + figure + " must be in [0, 1]: " + coverage);
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(figure + " is not finite: " + value);
        }
    }
}

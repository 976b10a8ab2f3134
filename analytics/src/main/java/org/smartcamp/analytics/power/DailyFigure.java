package org.smartcamp.analytics.power;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code analytics_daily}: a figure of an asset or a camp for one UTC day, with its coverage.
 *
 * @param subjectKind {@code asset} or {@code camp}
 * @param subjectId   the asset or camp id
 * @param day         the UTC day
 * @param figure      the figure's name, e.g. {@code energy_kwh}
 * @param value       the value (finite)
 * @param unit        its unit, e.g. {@code kWh}
 * @param coverage    share of the data present, 0..1
 */
public record DailyFigure(String subjectKind, String subjectId, LocalDate day, String figure, double value,
                          String unit, double coverage) {

    public DailyFigure {
        Objects.requireNonNull(subjectId, "subjectId");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(figure + " is not finite: " + value);
        }
    }
}

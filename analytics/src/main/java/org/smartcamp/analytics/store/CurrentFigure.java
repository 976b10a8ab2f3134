package org.smartcamp.analytics.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A figure as of the latest data for an asset or a camp, e.g. {@code days_of_supply}, with an interval where one
 * exists and details (plain JSON values: numbers, text, booleans, lists and maps of them).
 *
 * @param low      lower end of the interval, or {@code null}
 * @param high     upper end of the interval, or {@code null}
 * @param coverage 0..1, or {@code null}
 * @param asOf     the time of the data it rests on
 */
public record CurrentFigure(Subject subject, String subjectId, String figure, Double value, String unit, Double low,
                            Double high, Double coverage, Instant asOf, Map<String, Object> detail) {

    public CurrentFigure {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(figure, "figure");
        FigureNames.requireKnown(figure);
        detail = detail == null ? Map.of() : Map.copyOf(detail);
        if (coverage != null && !(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage of " + figure + " must be in [0, 1]: " + coverage);
        }
    }
}

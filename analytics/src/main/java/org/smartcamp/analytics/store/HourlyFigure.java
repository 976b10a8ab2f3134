package org.smartcamp.analytics.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A figure of one UTC hour for an asset or a camp, e.g. {@code fuel_consumed_l}, with the share of the hour the
 * data covers.
 *
 * @param hour     the start of the hour
 * @param value    the figure, or {@code null} when it cannot be computed
 * @param coverage 0..1
 */
public record HourlyFigure(Subject subject, String subjectId, Instant hour, String figure, Double value,
                           String unit, double coverage) {

    public HourlyFigure {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(figure, "figure");
        FigureNames.requireKnown(figure);
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException(figure + ": not the start of an hour: " + hour);
        }
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage of " + figure + " must be in [0, 1]: " + coverage);
        }
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(figure + " is not finite: " + value);
        }
    }
}

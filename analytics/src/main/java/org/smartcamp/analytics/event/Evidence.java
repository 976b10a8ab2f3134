package org.smartcamp.analytics.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why a detector decided: the time window it looked at, the metric and the readings in it that triggered
 * the decision (possibly thinned to a few hundred points), named figures (e.g. {@code level_before_l},
 * {@code expected_consumption_l}) and one sentence a person can read.
 */
public record Evidence(Instant windowStart, Instant windowEnd, String metric, List<Point> readings,
                       Map<String, Double> figures, String explanation) {

    public Evidence {
        readings = List.copyOf(readings);
        figures = Map.copyOf(figures);
    }

    /** One reading shown as evidence. */
    public record Point(Instant ts, double value) {
    }
}

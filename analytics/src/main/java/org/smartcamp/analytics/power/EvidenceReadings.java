package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesThinning;

/** The readings shown as an event's evidence: the window's samples, thinned to keep their shape. */
public final class EvidenceReadings {
    /** Most readings an evidence carries. */
    public static final int MAX_POINTS = 240;

    private EvidenceReadings() {
    }

    /** The samples of {@code s} in {@code [from, to]}, at most {@link #MAX_POINTS}. */
    public static List<Evidence.Point> of(Series s, Instant from, Instant to) {
        Series thin = SeriesThinning.minMax(s.slice(from.toEpochMilli(), to.toEpochMilli() + 1), MAX_POINTS);
        List<Evidence.Point> out = new ArrayList<>(thin.size());
        for (int i = 0; i < thin.size(); i++) {
            out.add(new Evidence.Point(thin.instant(i), thin.value(i)));
        }
        return out;
    }
}

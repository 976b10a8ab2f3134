package org.smartcamp.analytics.job.basic;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.series.Series;

/**
 * Finds where a sensor stopped reporting while its camp did not: a gap between two readings of one metric longer
 * than a threshold, during which the camp's link was alive (some asset of the camp reported in at least a given
 * share of the gap's five-minute bins). A gap the whole camp shares is a link outage, not a stale sensor, and is
 * left alone (its readings usually arrive later as a backlog). A gap still open at the camp's latest activity
 * counts too, ending there. Pure.
 */
final class StaleGaps {
    static final Duration BIN = Duration.ofMinutes(5);

    private StaleGaps() {
    }

    /**
     * A stale gap of one metric.
     *
     * @param before   the last reading before the gap (index into the series), the gap's start
     * @param after    the first reading after it, or -1 when the gap is still open
     * @param end      when the gap ends: the reading after it, or the camp's latest activity
     * @param coverage the share of the gap's bins in which the camp reported
     */
    record Gap(int before, int after, Instant start, Instant end, double coverage) {
        double hours() {
            return Duration.between(start, end).toMillis() / 3_600_000.0;
        }
    }

    /**
     * The stale gaps of {@code s}.
     *
     * @param threshold   the shortest gap that counts
     * @param activity    starts of the five-minute bins in which the camp reported, in time order
     * @param minCoverage the share of the gap's bins the camp must have reported in
     */
    static List<Gap> find(Series s, Duration threshold, List<Instant> activity, double minCoverage) {
        List<Gap> gaps = new ArrayList<>();
        if (s.isEmpty()) {
            return gaps;
        }
        long limit = threshold.toMillis();
        for (int i = 1; i < s.size(); i++) {
            if (s.time(i) - s.time(i - 1) > limit) {
                add(gaps, i - 1, i, s.instant(i - 1), s.instant(i), activity, minCoverage);
            }
        }
        if (!activity.isEmpty()) {
            Instant campEnd = activity.get(activity.size() - 1).plus(BIN);
            int last = s.size() - 1;
            if (campEnd.toEpochMilli() - s.time(last) > limit) {
                add(gaps, last, -1, s.instant(last), campEnd, activity, minCoverage);
            }
        }
        return gaps;
    }

    private static void add(List<Gap> gaps, int before, int after, Instant start, Instant end, List<Instant> activity,
                            double minCoverage) {
        double coverage = coverage(start, end, activity);
        if (coverage >= minCoverage) {
            gaps.add(new Gap(before, after, start, end, coverage));
        }
    }

    /** Share of the whole bins inside {@code (start, end)} in which the camp reported. */
    static double coverage(Instant start, Instant end, List<Instant> activity) {
        long possible = Duration.between(start, end).toMillis() / BIN.toMillis();
        if (possible <= 0) {
            return 0;
        }
        long inside = activity.stream().filter(b -> !b.isBefore(start) && !b.plus(BIN).isAfter(end)).count();
        return Math.min(1, inside / (double) possible);
    }
}

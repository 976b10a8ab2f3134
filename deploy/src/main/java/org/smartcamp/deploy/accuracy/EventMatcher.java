package org.smartcamp.deploy.accuracy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs detected events with real ones of the same asset: a detection matches a real event when their time
 * windows overlap once widened by a tolerance; each real event and each detection is used at most once,
 * closest start first.
 */
final class EventMatcher {
    private final Duration tolerance;

    EventMatcher(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** One event: its asset and time window. */
    record Window(String asset, Instant start, Instant end) {
    }

    /** A real event and the detection paired with it. */
    record Pair(Window real, Window detected) {
    }

    /** The pairs, in the order of the real events. */
    List<Pair> pairs(List<Window> real, List<Window> detected) {
        List<Window> free = new ArrayList<>(detected);
        List<Pair> pairs = new ArrayList<>();
        for (Window r : real) {
            Window best = null;
            for (Window d : free) {
                if (overlaps(r, d) && (best == null || gap(r, d).compareTo(gap(r, best)) < 0)) {
                    best = d;
                }
            }
            if (best != null) {
                free.remove(best);
                pairs.add(new Pair(r, best));
            }
        }
        return pairs;
    }

    /** The score of {@code detected} against {@code real}. */
    Score score(List<Window> real, List<Window> detected) {
        int matched = pairs(real, detected).size();
        return new Score(matched, detected.size() - matched, real.size() - matched);
    }

    private boolean overlaps(Window r, Window d) {
        return r.asset().equals(d.asset()) && !d.start().isAfter(r.end().plus(tolerance))
            && !d.end().isBefore(r.start().minus(tolerance));
    }

    private static Duration gap(Window r, Window d) {
        return Duration.between(r.start(), d.start()).abs();
    }
}

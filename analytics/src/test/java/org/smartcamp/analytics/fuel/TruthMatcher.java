package org.smartcamp.analytics.fuel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * Pairs detected events with real ones of the same asset whose time windows overlap once widened by a
 * tolerance, closest start first, each used once; and counts true positives, false positives and misses so that
 * several runs add up before ratios are taken.
 */
final class TruthMatcher {
    private final Duration tolerance;

    TruthMatcher(Duration tolerance) {
        this.tolerance = tolerance;
    }

    /** A real event and the detection paired with it (null when missed). */
    record Pair(TruthEvent real, DetectedEvent detected) {
    }

    /** One pair per real event (detected null when missed); {@code unpaired} receives the detections left over. */
    List<Pair> pairs(List<TruthEvent> real, List<DetectedEvent> detected, List<DetectedEvent> unpaired) {
        List<DetectedEvent> free = new ArrayList<>(detected);
        List<Pair> out = new ArrayList<>();
        for (TruthEvent r : real) {
            DetectedEvent best = null;
            for (DetectedEvent d : free) {
                if (overlaps(r, d) && (best == null || gap(r, d).compareTo(gap(r, best)) < 0)) {
                    best = d;
                }
            }
            free.remove(best);
            out.add(new Pair(r, best));
        }
        unpaired.addAll(free);
        return out;
    }

    private boolean overlaps(TruthEvent r, DetectedEvent d) {
        return r.asset().equals(d.assetId()) && !d.start().isAfter(r.end().plus(tolerance))
            && !d.end().isBefore(r.start().minus(tolerance));
    }

    private static Duration gap(TruthEvent r, DetectedEvent d) {
        return Duration.between(r.start(), d.start()).abs();
    }

    /** True positives, false positives and false negatives, summed over runs. */
    static final class Score {
        private int truePositives;
        private int falsePositives;
        private int falseNegatives;

        void add(int tp, int fp, int fn) {
            truePositives += tp;
            falsePositives += fp;
            falseNegatives += fn;
        }

        int truePositives() {
            return truePositives;
        }

        double recall() {
            int real = truePositives + falseNegatives;
            return real == 0 ? 1 : (double) truePositives / real;
        }

        double precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? 1 : (double) truePositives / found;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "TP %d FP %d FN %d recall %.3f precision %.3f",
                truePositives, falsePositives, falseNegatives, recall(), precision());
        }
    }
}

package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.event.Evidence;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/** Turns a measured step into a detected event with its evidence. */
final class StepEvents {
    /** At most this many readings go into an event's evidence. */
    static final int MAX_EVIDENCE_READINGS = 200;

    private StepEvents() {
    }

    /** The expected outflow between the middles of the step's two windows (0 when unknown). */
    static double expectedBetween(Step step, Cumulative expectedOutflow) {
        if (expectedOutflow.isEmpty()) {
            return 0;
        }
        double d = expectedOutflow.at(step.after().mid()) - expectedOutflow.at(step.before().mid());
        return Double.isNaN(d) ? 0 : d;
    }

    /**
     * The event of {@code kind} for {@code step} of {@code assetId}, quantity the step's litres (positive), with
     * the {@code readings} of {@code metric} around it as evidence and the figures every fuel event carries plus
     * {@code extra}.
     */
    static DetectedEvent event(EventKind kind, String assetId, Step step, Series readings, String metric,
                               double expected, double threshold, Map<String, Double> extra, String explanation) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("litres", step.magnitude());
        figures.put("level_before_l", step.before().volume());
        figures.put("level_after_l", step.after().volume());
        figures.put("expected_outflow_l", expected);
        figures.put("threshold_l", threshold);
        figures.put("sd_l", step.sd());
        figures.put("noise_sd_l", Math.max(step.before().noiseSd(), step.after().noiseSd()));
        figures.put("readings_before", (double) step.before().readings());
        figures.put("readings_after", (double) step.after().readings());
        figures.putAll(extra);
        Instant from = Instant.ofEpochMilli(step.before().from());
        Instant to = Instant.ofEpochMilli(step.after().to());
        Evidence evidence = new Evidence(from, to, metric, thinned(readings, step.before().from(),
            step.after().to()), figures, explanation);
        return new DetectedEvent(kind, assetId, Instant.ofEpochMilli(step.start()), Instant.ofEpochMilli(step.end()),
            step.magnitude(), "L", evidence);
    }

    /** The readings of {@code s} in {@code [from, to]}, evenly thinned to {@link #MAX_EVIDENCE_READINGS}. */
    static List<Evidence.Point> thinned(Series s, long from, long to) {
        Series w = s.slice(from, to + 1);
        int n = w.size();
        int stride = Math.max(1, (n + MAX_EVIDENCE_READINGS - 1) / MAX_EVIDENCE_READINGS);
        List<Evidence.Point> out = new ArrayList<>();
        for (int i = 0; i < n; i += stride) {
            out.add(new Evidence.Point(w.instant(i), w.value(i)));
        }
        return out;
    }

    /** Minutes of a time as HH:mm UTC, for explanations. */
    static String clock(long t) {
        return Instant.ofEpochMilli(t).toString().substring(11, 16);
    }
}

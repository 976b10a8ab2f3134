package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import org.smartcamp.analytics.series.Series;

/** Hand-made readings for known-answer tests: a true curve sampled at a fixed interval with seeded noise. */
final class Synthetic {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final long MIN = 60_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    private Synthetic() {
    }

    /** The time {@code minutes} after {@link #T0}, epoch ms. */
    static long at(double minutes) {
        return T0.toEpochMilli() + Math.round(minutes * MIN);
    }

    /** {@code truth(t)} every {@code intervalMs} over {@code [from, to)} plus normal noise of {@code sd}. */
    static Series sample(long from, long to, long intervalMs, LongToDoubleFunction truth, double sd, long seed) {
        Random random = new Random(seed);
        Series.Builder b = Series.builder();
        for (long t = from; t < to; t += intervalMs) {
            b.add(t, truth.applyAsDouble(t) + sd * random.nextGaussian());
        }
        return b.build();
    }

    /** A linear ramp from 0 at {@code from} to {@code litres} at {@code to} (0 before, {@code litres} after). */
    static double ramp(long t, long from, long to, double litres) {
        return t <= from ? 0 : t >= to ? litres : litres * (t - from) / (to - from);
    }

    /** {@code s} with the readings in {@code [from, to)} replaced by {@code f(t, value)}. */
    static Series modify(Series s, long from, long to, java.util.function.BiFunction<Long, Double, Double> f) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            boolean in = t >= from && t < to;
            double v = in ? f.apply(t, s.value(i)) : s.value(i);
            if (!Double.isNaN(v)) {
                b.add(t, v);
            }
        }
        return b.build();
    }

    /** A detected event of {@code kind} at {@code asset} over {@code [from, to]} with bare evidence. */
    static org.smartcamp.analytics.event.DetectedEvent event(org.smartcamp.ingest.catalogue.EventKind kind,
                                                             String asset, long from, long to, double litres) {
        Instant a = Instant.ofEpochMilli(from);
        Instant b = Instant.ofEpochMilli(to);
        return new org.smartcamp.analytics.event.DetectedEvent(kind, asset, a, b, litres, "L",
            new org.smartcamp.analytics.event.Evidence(a, b, "fuel.volume", java.util.List.of(), java.util.Map.of(),
                "test"));
    }

    /** A counter rising at {@code perHour} from 0 at {@link #T0}, read every {@code intervalMs} over the range. */
    static Series counter(long from, long to, long intervalMs, double perHour) {
        return sample(from, to, intervalMs, t -> perHour * (t - T0.toEpochMilli()) / HOUR, 0, 0);
    }
}

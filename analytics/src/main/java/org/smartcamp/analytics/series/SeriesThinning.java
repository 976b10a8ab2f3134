package org.smartcamp.analytics.series;

/**
 * Thins a series for display or evidence while keeping its shape: the span is cut into buckets and each keeps its
 * lowest and highest sample (in time order), so spikes and steps stay visible.
 */
public final class SeriesThinning {
    private SeriesThinning() {
    }

    /**
     * At most {@code maxPoints} samples of {@code s} (all of them when it has no more).
     *
     * @throws IllegalArgumentException when {@code maxPoints < 2}
     */
    public static Series minMax(Series s, int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2: " + maxPoints);
        }
        if (s.size() <= maxPoints) {
            return s;
        }
        int buckets = maxPoints / 2;
        Series.Builder b = Series.builder();
        for (int k = 0; k < buckets; k++) {
            int from = (int) ((long) k * s.size() / buckets);
            int to = (int) ((long) (k + 1) * s.size() / buckets);
            int lo = from;
            int hi = from;
            for (int i = from; i < to; i++) {
                lo = s.value(i) < s.value(lo) ? i : lo;
                hi = s.value(i) > s.value(hi) ? i : hi;
            }
            b.add(s.time(Math.min(lo, hi)), s.value(Math.min(lo, hi)));
            if (lo != hi) {
                b.add(s.time(Math.max(lo, hi)), s.value(Math.max(lo, hi)));
            }
        }
        return b.build();
    }
}

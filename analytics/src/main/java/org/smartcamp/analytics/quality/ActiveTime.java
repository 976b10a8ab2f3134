package org.smartcamp.analytics.quality;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesSpacing;

/**
 * When an asset ran, from its running state: each reading of 1 holds until the next reading when that comes within
 * {@link #GAP_FACTOR} usual spacings or also reads 1 (a silence between two running readings is taken as running),
 * else for the usual spacing. Merged into disjoint intervals.
 */
final class ActiveTime {
    private static final int GAP_FACTOR = 3;

    private final List<long[]> intervals;

    private ActiveTime(List<long[]> intervals) {
        this.intervals = intervals;
    }

    static ActiveTime of(Series state) {
        long usual = SeriesSpacing.median(state, 60_000);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < state.size(); i++) {
            if (state.value(i) < 0.5) {
                continue;
            }
            long a = state.time(i);
            long next = i + 1 < state.size() ? state.time(i + 1) : Long.MAX_VALUE;
            boolean bridged = next != Long.MAX_VALUE && state.value(i + 1) >= 0.5;
            long b = next - a <= GAP_FACTOR * usual || bridged ? next : a + usual;
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[1] >= a) {
                last[1] = Math.max(last[1], b);
            } else {
                out.add(new long[] {a, b});
            }
        }
        return new ActiveTime(out);
    }

    /** Milliseconds of running within {@code [from, to)}. */
    long within(long from, long to) {
        long sum = 0;
        for (long[] p : overlap(from, to)) {
            sum += p[1] - p[0];
        }
        return sum;
    }

    /** The running intervals clipped to {@code [from, to)}. */
    List<long[]> overlap(long from, long to) {
        List<long[]> out = new ArrayList<>();
        for (long[] p : intervals) {
            long a = Math.max(from, p[0]);
            long b = Math.min(to, p[1]);
            if (b > a) {
                out.add(new long[] {a, b});
            }
        }
        return out;
    }
}

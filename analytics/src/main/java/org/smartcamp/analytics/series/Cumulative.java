package org.smartcamp.analytics.series;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.smartcamp.ingest.catalogue.Sampling;

/**
 * A cumulative quantity (litres burned, kWh produced) known at sample times and linear between them, with what
 * is known about each interval between samples: measured (the samples are close), an exact gap (a counter's
 * delta across a gap is exact, only its spread in time is unknown) or an estimated gap (a rate was integrated
 * across a gap from the rates at its ends). Immutable.
 *
 * <p>{@link #delta(long, long)} is the quantity in a time range, {@link #coverage(long, long)} the share of the
 * range whose quantity is measured: a measured interval counts, an exact gap counts when it lies wholly in the
 * range (its delta then belongs to the range whatever its spread), an estimated gap never counts.
 */
public final class Cumulative {
    /** What is known about one interval between consecutive samples. */
    public enum Interval { MEASURED, EXACT_GAP, ESTIMATED_GAP }

    private static final Cumulative EMPTY = new Cumulative(new long[0], new double[0], new Interval[0]);
    private final long[] times;
    private final double[] values;
    private final Interval[] intervals;

    private Cumulative(long[] times, double[] values, Interval[] intervals) {
        this.times = times;
        this.values = values;
        this.intervals = intervals;
    }

    /** Nothing known anywhere. */
    public static Cumulative empty() {
        return EMPTY;
    }

    /**
     * A running counter. A fall of more than {@code resetTolerance} is a reset to zero: the interval adds the
     * value after it and counts as an estimated gap (what ran before the reset is lost); a smaller fall is
     * jitter and adds nothing. An interval longer than {@code gapMs} is an exact gap.
     */
    public static Cumulative ofCounter(Series counter, long gapMs, double resetTolerance) {
        int n = counter.size();
        if (n == 0) {
            return EMPTY;
        }
        double[] c = new double[n];
        Interval[] kind = new Interval[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            double d = counter.value(i) - counter.value(i - 1);
            boolean reset = d < -resetTolerance;
            c[i] = c[i - 1] + (reset ? Math.max(0, counter.value(i)) : Math.max(0, d));
            long dt = counter.time(i) - counter.time(i - 1);
            kind[i - 1] = reset ? Interval.ESTIMATED_GAP : dt > gapMs ? Interval.EXACT_GAP : Interval.MEASURED;
        }
        return new Cumulative(counter.times(), c, kind);
    }

    /**
     * The integral of a rate given per hour (trapezoids). An interval longer than {@code gapMs} is integrated from
     * the rates at its ends too, but counts as an estimated gap.
     */
    public static Cumulative ofRatePerHour(Series rate, long gapMs) {
        int n = rate.size();
        if (n == 0) {
            return EMPTY;
        }
        double[] c = new double[n];
        Interval[] kind = new Interval[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            long dt = rate.time(i) - rate.time(i - 1);
            c[i] = c[i - 1] + (rate.value(i) + rate.value(i - 1)) / 2 * dt / 3_600_000.0;
            kind[i - 1] = dt > gapMs ? Interval.ESTIMATED_GAP : Interval.MEASURED;
        }
        return new Cumulative(rate.times(), c, kind);
    }

    /**
     * The integral of a rate given per hour, each reading standing where its {@link Sampling} says: an
     * {@code INSTANT} reading holds until the next one (and the last for {@code usualMs}), an {@code AVERAGED}
     * reading stands for the time since the previous one (and the first for the {@code usualMs} before it). No
     * trapezoid: a set that stops between two readings burns nothing after its last running reading's interval.
     * Across an interval longer than {@code gapMs} the reading counts for {@code usualMs} only and the rest is
     * bridged with the mean of the two sides, an estimated gap.
     */
    public static Cumulative ofSampledRatePerHour(Series rate, Sampling sampling, long gapMs, long usualMs) {
        int n = rate.size();
        if (n == 0) {
            return EMPTY;
        }
        boolean averaged = sampling == Sampling.AVERAGED;
        long[] t = new long[n + 1];
        double[] c = new double[n + 1];
        Interval[] kind = new Interval[n];
        int offset = averaged ? 1 : 0;
        if (averaged) {
            t[0] = rate.time(0) - usualMs;
            c[1] = rate.value(0) * usualMs / 3_600_000.0;
            kind[0] = Interval.MEASURED;
        }
        for (int i = 1; i < n; i++) {
            long dt = rate.time(i) - rate.time(i - 1);
            double held = averaged ? rate.value(i) : rate.value(i - 1);
            boolean gap = dt > gapMs;
            double ms = gap ? held * usualMs + (rate.value(i) + rate.value(i - 1)) / 2 * (dt - usualMs) : held * dt;
            t[i - 1 + offset] = rate.time(i - 1);
            c[i + offset] = c[i - 1 + offset] + ms / 3_600_000.0;
            kind[i - 1 + offset] = gap ? Interval.ESTIMATED_GAP : Interval.MEASURED;
        }
        t[n - 1 + offset] = rate.time(n - 1);
        if (!averaged) {
            t[n] = rate.time(n - 1) + usualMs;
            c[n] = c[n - 1] + rate.value(n - 1) * usualMs / 3_600_000.0;
            kind[n - 1] = Interval.MEASURED;
        }
        return new Cumulative(t, c, kind);
    }

    /**
     * A cumulative from its points (times strictly increasing) and interval kinds ({@code times.length - 1}).
     *
     * @throws IllegalArgumentException when the lengths do not fit or times do not increase
     */
    public static Cumulative of(long[] times, double[] values, Interval[] intervals) {
        if (times.length != values.length || intervals.length != Math.max(0, times.length - 1)) {
            throw new IllegalArgumentException("lengths do not fit: " + times.length + " times, " + values.length
                + " values, " + intervals.length + " intervals");
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("times must strictly increase at index " + i);
            }
        }
        return new Cumulative(times.clone(), values.clone(), intervals.clone());
    }

    /**
     * The weighted sum of several cumulatives on the union of their sample times, over the range all of them
     * cover; an interval is as well known as the worst of the parts (a piece of a part's exact gap is estimated).
     * Empty when they share no range.
     */
    public static Cumulative weightedSum(List<Cumulative> parts, double[] weights) {
        if (parts.isEmpty() || parts.stream().anyMatch(Cumulative::isEmpty)) {
            return EMPTY;
        }
        long from = parts.stream().mapToLong(Cumulative::start).max().getAsLong();
        long to = parts.stream().mapToLong(Cumulative::end).min().getAsLong();
        TreeSet<Long> union = new TreeSet<>();
        for (Cumulative p : parts) {
            for (long t : p.times) {
                if (t >= from && t <= to) {
                    union.add(t);
                }
            }
        }
        if (union.isEmpty()) {
            return EMPTY;
        }
        long[] t = union.stream().mapToLong(Long::longValue).toArray();
        double[] v = new double[t.length];
        Interval[] kind = new Interval[Math.max(0, t.length - 1)];
        Arrays.fill(kind, Interval.MEASURED);
        for (int k = 0; k < parts.size(); k++) {
            Cumulative p = parts.get(k);
            for (int i = 0; i < t.length; i++) {
                v[i] += weights[k] * p.at(t[i]);
                if (i > 0) {
                    Interval pk = p.pieceKind(t[i - 1], t[i]);
                    kind[i - 1] = pk.ordinal() > kind[i - 1].ordinal() ? pk : kind[i - 1];
                }
            }
        }
        return new Cumulative(t, v, kind);
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The first sample time; undefined when empty. */
    public long start() {
        return times[0];
    }

    /** The last sample time; undefined when empty. */
    public long end() {
        return times[times.length - 1];
    }

    /** The value at {@code t}, linear between samples; NaN outside the samples' range. */
    public double at(long t) {
        if (isEmpty() || t < times[0] || t > end()) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return values[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (double) (t - times[lo]) / (times[hi] - times[lo]);
        return values[lo] + f * (values[hi] - values[lo]);
    }

    /** The quantity in {@code [from, to]} clipped to the samples' range; NaN when they do not overlap. */
    public double delta(long from, long to) {
        if (isEmpty() || to < times[0] || from > end() || to <= from) {
            return Double.NaN;
        }
        return at(Math.min(to, end())) - at(Math.max(from, times[0]));
    }

    /** The share of {@code [from, to)} whose quantity is measured (see the class comment); 0 for an empty range. */
    public double coverage(long from, long to) {
        if (isEmpty() || to <= from) {
            return 0;
        }
        long covered = 0;
        int i = Math.max(0, upperIndex(from) - 1);
        for (; i < intervals.length && times[i] < to; i++) {
            long a = Math.max(from, times[i]);
            long b = Math.min(to, times[i + 1]);
            if (b <= a) {
                continue;
            }
            boolean whole = times[i] >= from && times[i + 1] <= to;
            if (intervals[i] == Interval.MEASURED || intervals[i] == Interval.EXACT_GAP && whole) {
                covered += b - a;
            }
        }
        return (double) covered / (to - from);
    }

    /**
     * What is known about {@code [a, b]}, a piece of one of this cumulative's intervals: an exact gap cut into
     * pieces leaves each piece only estimated (the delta is exact for the whole gap alone).
     */
    private Interval pieceKind(long a, long b) {
        int i = upperIndex(a) - 1;
        if (i < 0 || i >= intervals.length) {
            return Interval.MEASURED;
        }
        boolean whole = times[i] == a && times[i + 1] == b;
        return intervals[i] == Interval.EXACT_GAP && !whole ? Interval.ESTIMATED_GAP : intervals[i];
    }

    /** The number of samples at or before {@code t}. */
    private int upperIndex(long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i + 1 : -i - 1;
    }
}

package org.smartcamp.analytics.series;

import java.util.Arrays;

/**
 * A cumulative counter (energy, run hours, starts, litres, km) read robustly: the increase between consecutive
 * samples is summed into a running total that survives resets and glitches, and the total is interpolated linearly
 * between samples, so a gap in the readings is bridged by the counter itself (the increase across it is known;
 * only its spread in time is interpolated).
 * <ul>
 *   <li>A rise faster than {@code maxRisePerHour} is a glitch or a replaced counter: the track re-bases on the new
 *       value without counting the rise.</li>
 *   <li>A fall to a value that could have been reached from zero at that rate is a reset (the controller restarted
 *       its counter): the new value counts as the increase.</li>
 *   <li>Any other fall (a glitch, backward jitter) re-bases without counting.</li>
 * </ul>
 */
public final class CounterTrack {
    private static final double MS_PER_HOUR = 3_600_000.0;

    private final long[] times;
    private final double[] total;
    private final int resets;
    private final int rebases;

    private CounterTrack(long[] times, double[] total, int resets, int rebases) {
        this.times = times;
        this.total = total;
        this.resets = resets;
        this.rebases = rebases;
    }

    /**
     * The track of {@code counter}: a step is plausible up to {@code maxRisePerHour} times its length in hours plus
     * {@code slack} (the counter's resolution); {@link Double#POSITIVE_INFINITY} accepts every rise.
     */
    public static CounterTrack of(Series counter, double maxRisePerHour, double slack) {
        int n = counter.size();
        double[] total = new double[n];
        int resets = 0;
        int rebases = 0;
        for (int i = 1; i < n; i++) {
            double hours = (counter.time(i) - counter.time(i - 1)) / MS_PER_HOUR;
            double plausible = maxRisePerHour * hours + slack;
            double v = counter.value(i);
            double rise = v - counter.value(i - 1);
            double step = 0;
            if (rise >= 0 && rise <= plausible) {
                step = rise;
            } else if (rise < 0 && v >= 0 && v <= plausible) {
                step = v;
                resets++;
            } else {
                rebases++;
            }
            total[i] = total[i - 1] + step;
        }
        return new CounterTrack(counter.times(), total, resets, rebases);
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** Number of resets counted. */
    public int resets() {
        return resets;
    }

    /** Number of implausible jumps skipped. */
    public int rebases() {
        return rebases;
    }

    /** Time of the first sample (the track is undefined before it). */
    public long firstTime() {
        return times[0];
    }

    /** Time of the last sample. */
    public long lastTime() {
        return times[times.length - 1];
    }

    /**
     * The running total at {@code t}, interpolated between samples; {@code NaN} outside the samples' span.
     */
    public double totalAt(long t) {
        if (times.length == 0 || t < times[0] || t > times[times.length - 1]) {
            return Double.NaN;
        }
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) {
            return total[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double f = (double) (t - times[lo]) / (times[hi] - times[lo]);
        return total[lo] + f * (total[hi] - total[lo]);
    }

    /**
     * Milliseconds of {@code [from, to)} between consecutive readings at most {@code maxGapMs} apart: the part of
     * the window whose increase is measured rather than interpolated across a gap.
     */
    public long measuredMs(long from, long to, long maxGapMs) {
        long sum = 0;
        int i = Math.max(0, indexAtOrAfter(from) - 1);
        for (; i + 1 < times.length && times[i] < to; i++) {
            if (times[i + 1] - times[i] <= maxGapMs) {
                sum += Math.max(0, Math.min(to, times[i + 1]) - Math.max(from, times[i]));
            }
        }
        return sum;
    }

    private int indexAtOrAfter(long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }

    /**
     * The increase over {@code [from, to)} within the samples' span (the part of the window outside it is unknown
     * and not counted); {@code NaN} when the window does not overlap the span.
     */
    public double increase(long from, long to) {
        if (times.length == 0) {
            return Double.NaN;
        }
        long a = Math.max(from, times[0]);
        long b = Math.min(to, times[times.length - 1]);
        return b < a ? Double.NaN : totalAt(b) - totalAt(a);
    }
}

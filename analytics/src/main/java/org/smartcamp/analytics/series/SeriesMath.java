package org.smartcamp.analytics.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Robust statistics over series and arrays: medians, running medians, noise from first differences. */
public final class SeriesMath {
    /** Scales a median absolute deviation to the standard deviation of normal data. */
    public static final double MAD_TO_SD = 1.4826;

    private SeriesMath() {
    }

    /** The median of {@code values[from, to)}; NaN when the range is empty. */
    public static double median(double[] values, int from, int to) {
        if (to <= from) {
            return Double.NaN;
        }
        double[] v = Arrays.copyOfRange(values, from, to);
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The median of all {@code values}; NaN when empty. */
    public static double median(double[] values) {
        return median(values, 0, values.length);
    }

    /** The median of the samples with {@code from <= time < to}; NaN when there are none. */
    public static double median(Series s, long from, long to) {
        return median(s.slice(from, to).values());
    }

    /** The robust standard deviation (scaled median absolute deviation) of {@code values}; NaN when empty. */
    public static double robustSd(double[] values) {
        double m = median(values);
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            dev[i] = Math.abs(values[i] - m);
        }
        return MAD_TO_SD * median(dev);
    }

    /**
     * For each sample, the median of the samples within {@code halfWindowMs} of it (both sides, itself included).
     * A half window of 0 gives the values themselves.
     */
    public static double[] runningMedian(Series s, long halfWindowMs) {
        return running(s, halfWindowMs, SeriesMath::median);
    }

    /** A statistic of {@code values[lo, hi)}. */
    @FunctionalInterface
    private interface WindowStatistic {
        double of(double[] values, int lo, int hi);
    }

    /** For each sample, {@code statistic} over the samples within {@code halfWindowMs} of it, itself included. */
    private static double[] running(Series s, long halfWindowMs, WindowStatistic statistic) {
        double[] values = s.values();
        double[] out = new double[values.length];
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < values.length; i++) {
            long t = s.time(i);
            while (s.time(lo) < t - halfWindowMs) {
                lo++;
            }
            while (hi < values.length && s.time(hi) <= t + halfWindowMs) {
                hi++;
            }
            out[i] = statistic.of(values, lo, hi);
        }
        return out;
    }

    /**
     * For each sample, the robust standard deviation (scaled median absolute deviation from their median) of the
     * samples within {@code halfWindowMs} of it, itself included.
     */
    public static double[] runningRobustSd(Series s, long halfWindowMs) {
        return running(s, halfWindowMs, (values, lo, hi) -> robustSd(Arrays.copyOfRange(values, lo, hi)));
    }

    /** The median interval between consecutive samples in milliseconds; 0 with fewer than two samples. */
    public static long typicalInterval(Series s) {
        if (s.size() < 2) {
            return 0;
        }
        double[] d = new double[s.size() - 1];
        for (int i = 1; i < s.size(); i++) {
            d[i - 1] = s.time(i) - s.time(i - 1);
        }
        return Math.round(median(d));
    }

    /**
     * The standard deviation of a sample's own noise, from the robust spread of the first differences divided by
     * root two: steady trends and rare steps do not inflate it. NaN with fewer than three samples.
     */
    public static double differenceNoiseSd(double[] values, int from, int to) {
        if (to - from < 3) {
            return Double.NaN;
        }
        double[] d = new double[to - from - 1];
        for (int i = from + 1; i < to; i++) {
            d[i - from - 1] = values[i] - values[i - 1];
        }
        return robustSd(d) / Math.sqrt(2);
    }

    /**
     * {@code s} split into pieces at the ranges {@code [from, to]} of {@code cut}: readings inside a range are left
     * out, each range ends a piece; empty pieces are dropped.
     */
    public static List<Series> split(Series s, List<long[]> cut) {
        List<Series> out = new ArrayList<>();
        Series.Builder b = Series.builder();
        int current = -1;
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            int index = 0;
            boolean inside = false;
            for (long[] r : cut) {
                inside |= t >= r[0] && t <= r[1];
                index += r[1] < t ? 1 : 0;
            }
            if (inside) {
                continue;
            }
            if (index != current) {
                out.add(b.build());
                b = Series.builder();
                current = index;
            }
            b.add(t, s.value(i));
        }
        out.add(b.build());
        out.removeIf(Series::isEmpty);
        return out;
    }
}

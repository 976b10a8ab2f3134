package org.smartcamp.analytics.series;

import java.time.Instant;
import java.util.Arrays;

/**
 * One metric of one asset over time: event times (epoch milliseconds, strictly increasing) and finite values.
 * Immutable. A gap in the data is a gap in the series (no sample), never a zero: computations that need
 * coverage ask for it explicitly.
 */
public final class Series {
    private static final Series EMPTY = new Series(new long[0], new double[0]);
    private final long[] times;
    private final double[] values;

    private Series(long[] times, double[] values) {
        this.times = times;
        this.values = values;
    }

    /** The empty series. */
    public static Series empty() {
        return EMPTY;
    }

    /**
     * A series of these samples (copied).
     *
     * @throws IllegalArgumentException when the arrays differ in length, times do not strictly increase or a
     *                                  value is not finite
     */
    public static Series of(long[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length: " + times.length + " vs "
                + values.length);
        }
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("times must strictly increase at index " + i);
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is not finite: " + values[i]);
            }
        }
        return new Series(times.clone(), values.clone());
    }

    /** A builder that takes samples in time order. */
    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** Event time of sample {@code i} in epoch milliseconds. */
    public long time(int i) {
        return times[i];
    }

    public Instant instant(int i) {
        return Instant.ofEpochMilli(times[i]);
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the times. */
    public long[] times() {
        return times.clone();
    }

    /** A copy of the values. */
    public double[] values() {
        return values.clone();
    }

    /** Index of the first sample at or after {@code t} ({@link #size()} when none). */
    public int indexAtOrAfter(long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }

    /** The samples with {@code from <= time < to}. */
    public Series slice(long from, long to) {
        int a = indexAtOrAfter(from);
        int b = Math.max(a, indexAtOrAfter(to));
        if (a == 0 && b == times.length) {
            return this;
        }
        return new Series(Arrays.copyOfRange(times, a, b), Arrays.copyOfRange(values, a, b));
    }

    @Override
    public String toString() {
        return "Series[" + times.length + (times.length == 0 ? "]"
            : " samples " + instant(0) + ".." + instant(times.length - 1) + "]");
    }

    /** Collects samples in time order; a sample at a time already taken replaces nothing and is refused. */
    public static final class Builder {
        private long[] times = new long[64];
        private double[] values = new double[64];
        private int size;

        private Builder() {
        }

        /**
         * Appends one sample.
         *
         * @throws IllegalArgumentException when {@code t} is not after the previous sample or the value is
         *                                  not finite
         */
        public Builder add(long t, double value) {
            if (size > 0 && t <= times[size - 1]) {
                throw new IllegalArgumentException("sample at " + Instant.ofEpochMilli(t) + " is not after "
                    + Instant.ofEpochMilli(times[size - 1]));
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value at " + Instant.ofEpochMilli(t) + " is not finite");
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = t;
            values[size] = value;
            size++;
            return this;
        }

        public Builder add(Instant t, double value) {
            return add(t.toEpochMilli(), value);
        }

        public Series build() {
            return size == 0 ? EMPTY : new Series(Arrays.copyOf(times, size), Arrays.copyOf(values, size));
        }
    }
}

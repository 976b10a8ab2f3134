package org.smartcamp.deploy.bench;

import java.util.Arrays;

/** Every latency of a measurement, kept exactly (nanoseconds), for nearest-rank percentiles. Not thread-safe. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int count() {
        return size;
    }

    /**
     * The nearest-rank percentile in milliseconds: the smallest latency that at least {@code percent} % of the
     * latencies do not exceed; NaN when there are none.
     */
    double percentileMillis(double percent) {
        if (size == 0) {
            return Double.NaN;
        }
        sort();
        int rank = (int) Math.ceil(percent / 100 * size);
        return values[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    private void sort() {
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
    }
}

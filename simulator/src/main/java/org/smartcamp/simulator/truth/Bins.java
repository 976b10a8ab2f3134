package org.smartcamp.simulator.truth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Sums of a few quantities per UTC hour, rolled up to UTC days and a total on demand. */
final class Bins {
    private final int fields;
    private final TreeMap<Instant, double[]> hours = new TreeMap<>();

    Bins(int fields) {
        this.fields = fields;
    }

    void add(Instant t, int field, double value) {
        hours.computeIfAbsent(t.truncatedTo(ChronoUnit.HOURS), h -> new double[fields])[field] += value;
    }

    SortedMap<Instant, double[]> hourly() {
        return hours;
    }

    SortedMap<Instant, double[]> daily() {
        TreeMap<Instant, double[]> days = new TreeMap<>();
        for (Map.Entry<Instant, double[]> e : hours.entrySet()) {
            double[] day = days.computeIfAbsent(e.getKey().truncatedTo(ChronoUnit.DAYS), d -> new double[fields]);
            for (int i = 0; i < fields; i++) {
                day[i] += e.getValue()[i];
            }
        }
        return days;
    }

    double[] total() {
        double[] sum = new double[fields];
        for (double[] h : hours.values()) {
            for (int i = 0; i < fields; i++) {
                sum[i] += h[i];
            }
        }
        return sum;
    }
}

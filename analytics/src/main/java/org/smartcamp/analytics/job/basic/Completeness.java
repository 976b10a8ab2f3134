package org.smartcamp.analytics.job.basic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.analytics.store.Rollup;

/**
 * Completeness of one metric per UTC day: readings received over readings expected, from the hourly rollups.
 * The expected rate is the metric's usual one: the median of its readings per hour over the hours that have any
 * (robust to gaps, which only lower some hours), unless a rate is given. Pure.
 */
final class Completeness {
    private Completeness() {
    }

    /** The median readings per hour over the hours with readings; 0 when there are none. */
    static double usualPerHour(List<Rollup> hourly) {
        if (hourly.isEmpty()) {
            return 0;
        }
        long[] counts = hourly.stream().mapToLong(Rollup::samples).sorted().toArray();
        int n = counts.length;
        return n % 2 == 1 ? counts[n / 2] : (counts[n / 2 - 1] + counts[n / 2]) / 2.0;
    }

    /**
     * Received over expected readings for each of {@code days}, in [0, 1], as of {@code now} (a day in progress
     * expects only its hours so far); days that expect nothing are left out.
     */
    static Map<LocalDate, Double> daily(List<Rollup> hourly, double perHour, List<LocalDate> days, Instant now) {
        Map<LocalDate, Long> received = new LinkedHashMap<>();
        for (Rollup h : hourly) {
            received.merge(CounterDays.day(h.bucket()), h.samples(), Long::sum);
        }
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        for (LocalDate day : days) {
            double expected = perHour * CounterDays.expectedHours(day, now);
            if (expected > 0) {
                out.put(day, Math.min(1, received.getOrDefault(day, 0L) / expected));
            }
        }
        return out;
    }

    /** The mean of {@code shares}, or {@code null} when there are none. */
    static Double mean(double... shares) {
        return shares.length == 0 ? null : Arrays.stream(shares).average().orElse(0);
    }
}

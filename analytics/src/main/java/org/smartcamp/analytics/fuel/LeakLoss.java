package org.smartcamp.analytics.fuel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;

/**
 * The litres a detected leak took from its tank, per day, from {@code start} until the CUSUM that found it returns to
 * zero (the leak stopped or was mended) or the data end: the leak's rate above
 * the tank's baseline, the median daily unexplained loss over the {@value #BASELINE_DAYS} days before it. The
 * unexplained loss is measured against the expected outflow (a fuel curve that may be a few percent off), so the
 * baseline carries that bias and the excess above it is what the leak adds; taking the whole rate out would hand the
 * curve's bias to the tank-level consumption.
 *
 * @param start        first day of the leak
 * @param end          end of the leak (exclusive)
 * @param litresPerDay the rate taken out, at least 0
 */
record LeakLoss(Instant start, Instant end, double litresPerDay) {
    static final int BASELINE_DAYS = 7;
    private static final double DAY_MS = 86_400_000.0;

    /** The leaks of {@code report}, each with its rate above the days before it. */
    static List<LeakLoss> of(LeakReport report) {
        List<LeakLoss> out = new ArrayList<>();
        for (DetectedEvent leak : report.leaks()) {
            double rate = leak.quantity() == null ? 0 : leak.quantity();
            out.add(new LeakLoss(leak.start(), until(report, leak),
                Math.max(0, rate - baseline(report, leak.start()))));
        }
        return out;
    }

    /** The first day after the alarm on which the CUSUM is back at zero, else the end of the last day. */
    private static Instant until(LeakReport report, DetectedEvent leak) {
        Instant last = leak.end();
        for (DailyLoss d : report.days()) {
            if (!d.day().isBefore(leak.end()) && !Double.isNaN(d.litresPerDay()) && d.cusum() == 0) {
                return d.day();
            }
            last = d.day().plusMillis((long) DAY_MS).isAfter(last) ? d.day().plusMillis((long) DAY_MS) : last;
        }
        return last;
    }

    /** The median daily loss of the days with data before {@code start}; 0 without any. */
    private static double baseline(LeakReport report, Instant start) {
        double[] before = report.days().stream().filter(d -> d.day().isBefore(start))
            .filter(d -> !Double.isNaN(d.litresPerDay())).mapToDouble(DailyLoss::litresPerDay).toArray();
        if (before.length == 0) {
            return 0;
        }
        double[] last = Arrays.copyOfRange(before, Math.max(0, before.length - BASELINE_DAYS), before.length);
        Arrays.sort(last);
        int n = last.length;
        return n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    }

    /** The litres leaked up to each time, as a cumulative over {@code [from, to]}; empty without leaks. */
    static Cumulative cumulative(List<LeakLoss> leaks, long from, long to) {
        if (leaks.isEmpty()) {
            return Cumulative.empty();
        }
        java.util.TreeSet<Long> times = new java.util.TreeSet<>(List.of(from, to));
        for (LeakLoss l : leaks) {
            times.add(Math.max(from, Math.min(to, l.start().toEpochMilli())));
            times.add(Math.max(from, Math.min(to, l.end().toEpochMilli())));
        }
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            for (LeakLoss l : leaks) {
                long a = l.start().toEpochMilli();
                long b = Math.max(a, Math.min(t[i], l.end().toEpochMilli()));
                v[i] += l.litresPerDay() * (b - a) / DAY_MS;
            }
        }
        Cumulative.Interval[] kinds = new Cumulative.Interval[Math.max(0, t.length - 1)];
        Arrays.fill(kinds, Cumulative.Interval.MEASURED);
        return t.length < 2 ? Cumulative.empty() : Cumulative.of(t, v, kinds);
    }
}

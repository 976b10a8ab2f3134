package org.smartcamp.analytics.fuel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;

/**
 * The litres a tank is expected to give up to each moment: what the generators it feeds burned (flow meter,
 * else fuel curve), what was transferred to its day tanks and what was dispensed into vehicles (each of those
 * spread evenly over its event's time).
 */
public final class ExpectedOutflow {
    private ExpectedOutflow() {
    }

    /**
     * The expected outflow over the time all {@code generatorFuel} cover (any time when there are none);
     * {@code movedOut} are the transfers and dispensings out of the tank, their quantity in litres. Empty when
     * there is nothing to expect.
     */
    public static Cumulative of(List<Cumulative> generatorFuel, List<DetectedEvent> movedOut) {
        List<Cumulative> parts = new ArrayList<>(generatorFuel);
        if (!movedOut.isEmpty()) {
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            for (Cumulative g : generatorFuel) {
                from = Math.min(from, g.isEmpty() ? from : g.start());
                to = Math.max(to, g.isEmpty() ? to : g.end());
            }
            parts.add(ramps(movedOut, from, to));
        }
        if (parts.isEmpty()) {
            return Cumulative.empty();
        }
        double[] ones = new double[parts.size()];
        Arrays.fill(ones, 1);
        return Cumulative.weightedSum(parts, ones);
    }

    /**
     * The litres of {@code events} spread evenly over each event's time, as a cumulative from the earlier of
     * {@code from} and the first event to the later of {@code to} and the last (far beyond both ends when there
     * are no generators to bound it).
     */
    static Cumulative ramps(List<DetectedEvent> events, long from, long to) {
        TreeSet<Long> times = new TreeSet<>();
        for (DetectedEvent e : events) {
            long s = e.start().toEpochMilli();
            times.add(s);
            times.add(Math.max(s + 1, e.end().toEpochMilli()));
        }
        long pad = 400L * 86_400_000L;
        times.add(Math.min(from == Long.MAX_VALUE ? times.first() - pad : from, times.first()));
        times.add(Math.max(to == Long.MIN_VALUE ? times.last() + pad : to, times.last()));
        long[] t = times.stream().mapToLong(Long::longValue).toArray();
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            for (DetectedEvent e : events) {
                long s = e.start().toEpochMilli();
                long end = Math.max(s + 1, e.end().toEpochMilli());
                double share = Math.min(1, Math.max(0, (double) (t[i] - s) / (end - s)));
                v[i] += share * e.quantity();
            }
        }
        Cumulative.Interval[] kinds = new Cumulative.Interval[t.length - 1];
        Arrays.fill(kinds, Cumulative.Interval.MEASURED);
        return Cumulative.of(t, v, kinds);
    }
}

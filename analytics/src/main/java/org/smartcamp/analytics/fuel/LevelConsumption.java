package org.smartcamp.analytics.fuel;

import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.analytics.series.SeriesMath;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * Fuel burned read from a level: the fall of the running median of the cleaned level, with refuels added back,
 * thefts taken out by their measured litres and leaks by their estimated rate ({@link LeakLoss}). For a generator
 * that is its tank's only consumer and has no flow meter, and for a vehicle without a fuel counter. Noisier than a
 * counter: each bucket edge carries the running median's error.
 */
final class LevelConsumption {
    private LevelConsumption() {
    }

    /**
     * The cumulative litres burned from {@code litres} of a tank of {@code capacityL}; {@code events} are its
     * refuels and thefts. Readings further apart than the gap factor allows, and the time of each event, are
     * estimated stretches.
     */
    static Cumulative of(Series litres, double capacityL, List<DetectedEvent> events, FuelSettings settings) {
        return of(litres, capacityL, events, List.of(), settings);
    }

    /** As {@link #of(Series, double, List, FuelSettings)}, with the {@code leaked} litres taken out as well. */
    static Cumulative of(Series litres, double capacityL, List<DetectedEvent> events, List<LeakLoss> leaked,
                         FuelSettings settings) {
        Series clean = LevelSignal.of(litres, capacityL, Cumulative.empty(), settings).volume();
        if (clean.size() < 2) {
            return Cumulative.empty();
        }
        double[] level = SeriesMath.runningMedian(clean, settings.millis(FuelSetting.SMOOTHING_MINUTES));
        List<DetectedEvent> added = events.stream().filter(e -> e.kind() == EventKind.REFUEL).toList();
        List<DetectedEvent> lost = events.stream().filter(e -> e.kind() == EventKind.THEFT).toList();
        Cumulative in = added.isEmpty() ? Cumulative.empty() : ExpectedOutflow.ramps(added, clean.time(0),
            clean.time(clean.size() - 1));
        Cumulative out = lost.isEmpty() ? Cumulative.empty() : ExpectedOutflow.ramps(lost, clean.time(0),
            clean.time(clean.size() - 1));
        Cumulative leak = LeakLoss.cumulative(leaked, clean.time(0), clean.time(clean.size() - 1));
        long gap = GeneratorConsumption.gapMs(clean, settings);
        long[] t = clean.times();
        double[] burned = new double[t.length];
        Cumulative.Interval[] kinds = new Cumulative.Interval[t.length - 1];
        for (int i = 0; i < t.length; i++) {
            burned[i] = level[0] - level[i] + at(in, t[i]) - at(out, t[i]) - at(leak, t[i]);
            if (i > 0) {
                boolean estimated = t[i] - t[i - 1] > gap || during(events, t[i - 1], t[i]);
                kinds[i - 1] = estimated ? Cumulative.Interval.ESTIMATED_GAP : Cumulative.Interval.MEASURED;
            }
        }
        return Cumulative.of(t, burned, kinds);
    }

    private static double at(Cumulative c, long t) {
        return c.isEmpty() ? 0 : c.at(t);
    }

    private static boolean during(List<DetectedEvent> events, long a, long b) {
        for (DetectedEvent e : events) {
            if (a <= e.evidence().windowEnd().toEpochMilli() && b >= e.evidence().windowStart().toEpochMilli()) {
                return true;
            }
        }
        return false;
    }
}

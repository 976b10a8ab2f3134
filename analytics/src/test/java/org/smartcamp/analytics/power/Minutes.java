package org.smartcamp.analytics.power;

import java.time.Instant;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.smartcamp.analytics.series.Series;

/** Synthetic readings for known-answer tests: a profile given per minute from {@link #T0}. */
final class Minutes {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    static final IntPredicate ALL = i -> true;

    private Minutes() {
    }

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** A gauge sampled every {@code every} minutes over {@code [0, minutes]} where {@code present}. */
    static Series gauge(int minutes, int every, IntToDoubleFunction value, IntPredicate present) {
        Series.Builder b = Series.builder();
        for (int i = 0; i <= minutes; i += every) {
            if (present.test(i)) {
                b.add(at(i), value.applyAsDouble(i));
            }
        }
        return b.build();
    }

    /**
     * A gauge the catalogue declares averaged (power, fuel rate) read every {@code every} minutes where
     * {@code present}: at minute {@code i} the mean of {@code value} over the minutes {@code [i - every, i)} (at
     * minute 0, the value of minute 0).
     */
    static Series averaged(int minutes, int every, IntToDoubleFunction value, IntPredicate present) {
        return gauge(minutes, every, i -> {
            if (i == 0) {
                return value.applyAsDouble(0);
            }
            double sum = 0;
            for (int k = i - every; k < i; k++) {
                sum += value.applyAsDouble(k);
            }
            return sum / every;
        }, present);
    }

    /**
     * A counter sampled every {@code every} minutes where {@code present}: at minute {@code i} it holds
     * {@code start} plus the sum of {@code perMinute} over the minutes before {@code i}.
     */
    static Series counter(int minutes, int every, double start, IntToDoubleFunction perMinute, IntPredicate present) {
        Series.Builder b = Series.builder();
        double total = start;
        for (int i = 0; i <= minutes; i++) {
            if (i % every == 0 && present.test(i)) {
                b.add(at(i), total);
            }
            total += perMinute.applyAsDouble(i);
        }
        return b.build();
    }

    /**
     * A generator of {@code rating} delivering {@code kw(i)} in minute {@code i} (negative: stopped), every signal
     * sampled every {@code every} minutes where {@code present}; the flow meter reads {@code fuelFactor} times the
     * curve. Without counters only power, running state and fuel rate are given.
     */
    static GeneratorSignals generator(GeneratorRating rating, int minutes, int every, IntToDoubleFunction kw,
                                      double fuelFactor, boolean counters, IntPredicate present) {
        IntToDoubleFunction out = i -> Math.max(0, kw.applyAsDouble(i));
        IntToDoubleFunction run = i -> kw.applyAsDouble(i) >= 0 ? 1 : 0;
        IntToDoubleFunction lph = i -> run.applyAsDouble(i) * fuelFactor * rating.expectedFuel(1, out.applyAsDouble(i));
        Series power = averaged(minutes, every, out, present);
        Series running = gauge(minutes, every, run, present);
        Series rate = averaged(minutes, every, lph, present);
        if (!counters) {
            return new GeneratorSignals(power, running, null, null, null, rate, null);
        }
        return new GeneratorSignals(power, running,
            counter(minutes, every, 1000, i -> out.applyAsDouble(i) / 60, present),
            counter(minutes, every, 500, i -> run.applyAsDouble(i) / 60, present),
            counter(minutes, every, 7, i -> i > 0 && run.applyAsDouble(i) > run.applyAsDouble(i - 1) ? 1 : 0, present),
            rate, counter(minutes, every, 0, i -> lph.applyAsDouble(i) / 60, present));
    }
}

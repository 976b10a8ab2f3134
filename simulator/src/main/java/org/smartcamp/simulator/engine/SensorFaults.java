package org.smartcamp.simulator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.smartcamp.simulator.scenario.EventSpec;
import org.smartcamp.simulator.scenario.SensorFaultEvent;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * The scenario's sensor faults, applied to readings as the sensors take them: a stuck sensor repeats the value
 * it had when the fault began, spikes jump now and then, sloshing swings, a dropout reports nothing; a random
 * dropout loses a reading now and then, a scale spike multiplies one by a factor (a stuck sensor repeats its value
 * whatever: no scale spike while it is stuck). The ground truth holds what happened, never what a sensor said.
 */
final class SensorFaults {
    private static final double SPIKE_PROBABILITY = 0.2;

    private final List<Active> faults = new ArrayList<>();
    private final SplittableRandom random;

    SensorFaults(List<EventSpec> events, String campId, Instant start, Instant end, SplittableRandom random) {
        this.random = random;
        for (EventSpec e : events) {
            if (e instanceof SensorFaultEvent f && start.plus(f.at()).isBefore(end)) {
                Instant from = start.plus(f.at());
                faults.add(new Active(f, campId + "-" + f.target(), from, from.plus(f.duration())));
            }
        }
        // a stuck sensor freezes the value it measured, before any other fault of the reading acts on it
        faults.sort(java.util.Comparator.comparing(a -> a.spec.fault() != SensorFaultEvent.Fault.STUCK));
    }

    /** The value the sensor of {@code asset}/{@code metric} reports at {@code t}; NaN when it reports nothing. */
    double apply(String asset, String metric, Instant t, double value) {
        double v = value;
        boolean stuck = false;
        for (Active a : faults) {
            if (a.covers(asset, metric, t)) {
                if (stuck && a.spec.fault() == SensorFaultEvent.Fault.SCALE_SPIKES) {
                    continue;
                }
                v = a.distort(metric, v, random);
                stuck |= a.spec.fault() == SensorFaultEvent.Fault.STUCK;
            }
        }
        return v;
    }

    /** Adds every fault that began to the ground truth, clipped to {@code end}. */
    void report(GroundTruth truth, Instant end) {
        for (Active a : faults) {
            String detail = a.spec.fault().text() + " " + (a.spec.metric() == null ? "all metrics" : a.spec.metric());
            truth.event(new TruthEvent(a.spec.kind(), a.asset, a.start, a.end.isAfter(end) ? end : a.end, null,
                detail));
        }
    }

    private static final class Active {
        private final SensorFaultEvent spec;
        private final String asset;
        private final Instant start;
        private final Instant end;
        private final Map<String, Double> stuck = new HashMap<>();

        Active(SensorFaultEvent spec, String asset, Instant start, Instant end) {
            this.spec = spec;
            this.asset = asset;
            this.start = start;
            this.end = end;
        }

        boolean covers(String a, String metric, Instant t) {
            return asset.equals(a) && (spec.metric() == null || spec.metric().equals(metric)) && !t.isBefore(start)
                && t.isBefore(end);
        }

        double distort(String metric, double value, SplittableRandom random) {
            switch (spec.fault()) {
                case STUCK:
                    return stuck.computeIfAbsent(metric, m -> value);
                case DROPOUT:
                    return Double.NaN;
                case RANDOM_DROPOUT:
                    return random.nextDouble() < spec.rate() ? Double.NaN : value;
                case SCALE_SPIKES:
                    return random.nextDouble() < spec.rate()
                        ? value * spec.factors().get(random.nextInt(spec.factors().size())) : value;
                case SPIKES:
                    double u = random.nextDouble();
                    return u < SPIKE_PROBABILITY
                        ? value + (u < SPIKE_PROBABILITY / 2 ? -1 : 1) * spec.magnitude() * (0.7 + 0.6 * u) : value;
                default:
                    return value + spec.magnitude() * (2 * random.nextDouble() - 1);
            }
        }
    }
}

package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A sensor of an asset misbehaving for {@code duration}: one metric, or every metric of the asset when
 * {@code metric} is {@code null}.
 *
 * @param magnitude size of spikes and sloshing, in the metric's unit
 * @param rate      for random dropouts and scale spikes: the probability that a reading is hit, each reading
 *                  independently
 * @param factors   for scale spikes: the factors a hit reading is multiplied by, one chosen at random
 */
public record SensorFaultEvent(String target, String metric, Fault fault, Duration at, Duration duration,
                               double magnitude, double rate, List<Double> factors) implements EventSpec {

    public SensorFaultEvent {
        factors = List.copyOf(factors);
    }

    /** A fault without a rate or factors (stuck, spikes, dropout, sloshing). */
    public SensorFaultEvent(String target, String metric, Fault fault, Duration at, Duration duration,
                            double magnitude) {
        this(target, metric, fault, at, duration, magnitude, 0, List.of());
    }

    /** How the sensor misbehaves. */
    public enum Fault {
        /** The value freezes at what it was when the fault began. */
        STUCK,
        /** Now and then a value jumps by about the magnitude. */
        SPIKES,
        /** No readings at all. */
        DROPOUT,
        /** The value swings by up to the magnitude (fuel moving in the tank). */
        SLOSHING,
        /** Each reading is missing with probability {@code rate}, independently (a lost frame, not an outage). */
        RANDOM_DROPOUT,
        /**
         * Each reading is, with probability {@code rate}, the true one times one of {@code factors} (a float that
         * catches, a bad frame: e.g. half or 1.4 times the level).
         */
        SCALE_SPIKES;

        /** The name used in scenario files, e.g. {@code stuck}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String kind() {
        return "sensor_fault";
    }
}

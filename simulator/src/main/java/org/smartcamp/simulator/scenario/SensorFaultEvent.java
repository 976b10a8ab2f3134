package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * A sensor of an asset misbehaving for {@code duration}: one metric, or every metric of the asset when
 * {@code metric} is {@code null}.
 *
 * @param magnitude size of spikes and sloshing, in the metric's unit
 */
public record SensorFaultEvent(String target, String metric, Fault fault, Duration at, Duration duration,
                               double magnitude) implements EventSpec {

    /** How the sensor misbehaves. */
    public enum Fault {
        /** The value freezes at what it was when the fault began. */
        STUCK,
        /** Now and then a value jumps by about the magnitude. */
        SPIKES,
        /** No readings at all. */
        DROPOUT,
        /** The value swings by up to the magnitude (fuel moving in the tank). */
        SLOSHING;

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

package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** A delivery of {@code volumeL} litres into a tank, spread evenly over {@code duration}. */
public record RefuelEvent(String target, Duration at, Duration duration, double volumeL) implements EventSpec {
    @Override
    public String kind() {
        return "refuel";
    }
}

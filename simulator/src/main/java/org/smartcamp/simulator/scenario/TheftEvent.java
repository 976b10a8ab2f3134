package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** {@code volumeL} litres drained from a tank or vehicle, evenly over {@code duration}. */
public record TheftEvent(String target, Duration at, Duration duration, double volumeL) implements EventSpec {
    @Override
    public String kind() {
        return "theft";
    }
}

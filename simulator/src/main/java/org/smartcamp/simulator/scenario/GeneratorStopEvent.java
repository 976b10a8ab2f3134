package org.smartcamp.simulator.scenario;

import java.time.Duration;

/**
 * A generator set is out of service for {@code duration} (a breakdown or a maintenance stop): it stops at once and
 * the dispatcher cannot start it until the end. When no other source carries the load, the camp is without power.
 */
public record GeneratorStopEvent(String target, Duration at, Duration duration) implements EventSpec {
    @Override
    public String kind() {
        return "generator_stop";
    }
}

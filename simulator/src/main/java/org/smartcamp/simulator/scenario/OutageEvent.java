package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** A gateway's uplink is down for {@code duration}; it buffers and then sends its backlog. */
public record OutageEvent(String target, Duration at, Duration duration) implements EventSpec {
    @Override
    public String kind() {
        return "outage";
    }
}

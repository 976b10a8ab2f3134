package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** A slow leak (or pilferage) of {@code litresPerDay} from a tank for {@code duration}. */
public record LeakEvent(String target, Duration at, Duration duration, double litresPerDay) implements EventSpec {
    @Override
    public String kind() {
        return "leak";
    }
}

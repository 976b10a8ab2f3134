package org.smartcamp.simulator.scenario;

import java.time.Duration;

/** At {@code at} a gateway sends its last {@code messages} messages once more (a resend after a lost ack). */
public record DuplicateEvent(String target, Duration at, int messages) implements EventSpec {
    @Override
    public String kind() {
        return "duplicate_resend";
    }

    @Override
    public Duration duration() {
        return Duration.ZERO;
    }
}

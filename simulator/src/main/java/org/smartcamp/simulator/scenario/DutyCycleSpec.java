package org.smartcamp.simulator.scenario;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Set;

/**
 * When a vehicle is used: on {@code days} between {@code startHour} and {@code endHour} (UTC) it alternates between
 * off, idling and driving with random stays of the given mean lengths; otherwise it is parked with the engine off.
 */
public record DutyCycleSpec(double startHour, double endHour, Set<DayOfWeek> days, Duration meanDrive,
                            Duration meanIdle, Duration meanOff) {

    public DutyCycleSpec {
        days = Set.copyOf(days);
    }
}

package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.time.Instant;

/**
 * What a scenario run is: its name and description, the seed of its random numbers, when it starts, how long it
 * runs by default and the physics time step.
 */
public record ScenarioHeader(String name, String description, long seed, Instant start, Duration duration,
                             Duration step) {
}

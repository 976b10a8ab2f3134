package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import org.smartcamp.simulator.gateway.WireProtocol;

/**
 * What a scenario run is: its name and description, the seed of its random numbers, when it starts, how long it
 * runs by default, the physics time step and the protocol its gateways publish with.
 */
public record ScenarioHeader(String name, String description, long seed, Instant start, Duration duration,
                             Duration step, WireProtocol protocol) {

    public ScenarioHeader {
        protocol = protocol == null ? WireProtocol.SMARTCAMP : protocol;
    }

    /** A header whose gateways publish SmartCamp JSON. */
    public ScenarioHeader(String name, String description, long seed, Instant start, Duration duration,
                          Duration step) {
        this(name, description, seed, start, duration, step, WireProtocol.SMARTCAMP);
    }
}

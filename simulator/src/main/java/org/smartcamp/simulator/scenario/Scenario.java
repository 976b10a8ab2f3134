package org.smartcamp.simulator.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A complete, validated camp scenario: what to simulate, with which seed, and the events injected into it.
 * Built by {@link ScenarioLoader}; deterministic for a given seed.
 */
public record Scenario(ScenarioHeader header, MissionSpec mission, CampSpec camp, EnvironmentSpec environment,
                       PowerPlantSpec plant, List<VehicleSpec> vehicles, List<WaterTankSpec> water,
                       List<GatewaySpec> gateways, List<EventSpec> events) {

    public Scenario {
        vehicles = List.copyOf(vehicles);
        water = List.copyOf(water);
        gateways = List.copyOf(gateways);
        events = List.copyOf(events);
    }

    /** The same scenario with another seed, start or default duration (any may be {@code null}: keep). */
    public Scenario with(Long seed, Instant start, Duration duration) {
        ScenarioHeader h = header;
        ScenarioHeader changed = new ScenarioHeader(h.name(), h.description(), seed == null ? h.seed() : seed,
            start == null ? h.start() : start, duration == null ? h.duration() : duration, h.step(), h.protocol());
        return new Scenario(changed, mission, camp, environment, plant, vehicles, water, gateways, events);
    }

    /** The gateway named {@code id}. */
    public Optional<GatewaySpec> gateway(String id) {
        return gateways.stream().filter(g -> g.id().equals(id)).findFirst();
    }
}

package org.smartcamp.simulator.scenario;

/** The weather and the electric load it drives. */
public record EnvironmentSpec(WeatherSpec weather, LoadSpec load) {
}

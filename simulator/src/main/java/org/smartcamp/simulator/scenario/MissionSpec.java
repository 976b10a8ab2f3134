package org.smartcamp.simulator.scenario;

/** The mission the camp belongs to: the first level of its topics. */
public record MissionSpec(String id, String name) {
}

package org.smartcamp.simulator.scenario;

import java.time.Duration;

/**
 * Something injected into a scenario at {@code at} (an offset from the scenario's start, so that a run started
 * at another instant keeps its events in place) and lasting {@code duration}.
 */
public sealed interface EventSpec permits RefuelEvent, TheftEvent, LeakEvent, SensorFaultEvent, OutageEvent,
    DuplicateEvent, GeneratorStopEvent {

    /** The event's kind as written in scenario and ground-truth files, e.g. {@code refuel}. */
    String kind();

    /** Local id of the asset (or gateway) it concerns. */
    String target();

    /** Offset of its start from the scenario start. */
    Duration at();

    /** How long it lasts. */
    Duration duration();
}

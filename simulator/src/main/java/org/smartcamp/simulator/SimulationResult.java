package org.smartcamp.simulator;

import org.smartcamp.simulator.truth.GroundTruth;

/** A finished simulation: its summary and the ground truth of what happened. */
public record SimulationResult(SimulationSummary summary, GroundTruth truth) {
}

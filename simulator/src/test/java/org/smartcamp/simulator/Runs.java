package org.smartcamp.simulator;

import org.smartcamp.simulator.scenario.Scenario;

/** Runs scenarios at full speed into a recording sink, for tests. */
final class Runs {
    private Runs() {
    }

    static SimulationResult run(Scenario scenario, RecordingSink sink) {
        try {
            return new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

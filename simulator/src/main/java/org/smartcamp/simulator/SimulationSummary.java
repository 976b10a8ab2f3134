package org.smartcamp.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a simulation or replay run, for the launcher's final report.
 *
 * @param name     scenario name (or replayed file)
 * @param start    first simulated instant
 * @param end      last simulated instant
 * @param gateways per gateway, what it sent
 * @param elapsed  wall-clock time the run took
 */
public record SimulationSummary(String name, Instant start, Instant end, List<GatewaySummary> gateways,
                                Duration elapsed) {

    public SimulationSummary {
        gateways = List.copyOf(gateways);
    }

    /** Readings sent once, all gateways. */
    public long readings() {
        return gateways.stream().mapToLong(GatewaySummary::readings).sum();
    }

    /** Messages sent once, all gateways. */
    public long messages() {
        return gateways.stream().mapToLong(GatewaySummary::messages).sum();
    }

    /** Outages replayed (backlogs sent), all gateways. */
    public int outages() {
        return gateways.stream().mapToInt(GatewaySummary::outages).sum();
    }
}

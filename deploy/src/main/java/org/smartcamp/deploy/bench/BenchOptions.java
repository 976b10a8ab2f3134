package org.smartcamp.deploy.bench;

import java.nio.file.Path;
import org.smartcamp.ingest.store.DatabaseConfig;

/**
 * What the bench runs against and how big it is.
 *
 * @param database       the database (each phase works in a schema of its own, dropped afterwards)
 * @param mqttUrl        the broker, or {@code null} to start a Mosquitto of the bench's own
 * @param readings       readings per throughput phase
 * @param perMessage     readings per gateway message
 * @param gateways       concurrent gateways (publisher connections)
 * @param naiveReadings  readings for the naive one-INSERT-per-reading baseline
 * @param latencySeconds how long the half-load latency phase publishes
 * @param workDir        where logs go
 */
public record BenchOptions(DatabaseConfig database, String mqttUrl, long readings, int perMessage, int gateways,
                           int naiveReadings, int latencySeconds, Path workDir) {
}

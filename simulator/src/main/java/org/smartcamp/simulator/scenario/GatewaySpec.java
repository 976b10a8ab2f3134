package org.smartcamp.simulator.scenario;

import java.time.Duration;

/**
 * A camp gateway: it buffers its assets' readings and sends them every {@code uplinkInterval} in messages of at
 * most {@code maxBatchReadings} readings (also after an outage, when it sends its backlog).
 */
public record GatewaySpec(String id, Duration uplinkInterval, int maxBatchReadings) {
}

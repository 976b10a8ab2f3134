package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.List;

/**
 * What a gateway sends in one message: its sequence number, the time it sent the message, and readings.
 *
 * @param seq      the gateway's message counter (increases by one per message; gaps show lost messages)
 * @param sent     when the gateway sent the message (after an outage much later than the readings' times)
 * @param readings the readings, in any order
 */
public record TelemetryBatch(long seq, Instant sent, List<Reading> readings) {

    public TelemetryBatch {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        readings = List.copyOf(readings);
    }
}

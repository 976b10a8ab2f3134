package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.List;

/**
 * A batch ready for the database: readings with their refs, every dead letter (the decoder's and the
 * registry's), and the latest word of each gateway.
 */
record ResolvedBatch(List<Staged> readings, List<DeadLetter> deadLetters, List<GatewayUpdate> gateways) {

    /** One reading as it goes into the staging table, value already in the metric's canonical unit. */
    record Staged(int assetRef, short metricId, Instant ts, double value, short quality, Instant receivedAt) {
    }

    /** What one batch says about one gateway. */
    record GatewayUpdate(String campId, String gatewayId, Long lastSeq, Instant lastSent, Instant lastReceived,
                         int messages) {
    }
}

package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.wire.GatewayStatus;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.SessionState;

/**
 * A batch ready for the database: readings with their refs (each identity once, the first occurrence; {@code
 * repeated} counts the later ones), every dead letter (the decoder's and the registry's) with the registry's
 * refusals counted by reason, the latest word of each gateway, the metrics unknown to the catalogue that each
 * gateway sent, and the formats' session states in message order.
 */
record ResolvedBatch(List<Staged> readings, int repeated, List<DeadLetter> deadLetters,
                     Map<RejectReason, Integer> refused, List<GatewayUpdate> gateways,
                     List<UnknownMetricSighting> unknownMetrics, List<SessionState> sessions) {

    /** One reading as it goes into the staging table, value already in the metric's canonical unit. */
    record Staged(int assetRef, int metricId, Instant ts, double value, short quality, Instant receivedAt) {
    }

    /** What one batch says about one gateway. */
    record GatewayUpdate(String campId, String gatewayId, Long lastSeq, Instant lastSent, Instant lastReceived,
                         int messages, GatewayStatus status, Instant statusAt) {
    }

    /** Readings of a metric the catalogue does not know, as one gateway sent them in this batch. */
    record UnknownMetricSighting(String campId, String gatewayId, int metricId, String metric, Instant first,
                                 Instant last, int readings) {
        UnknownMetricSighting plus(UnknownMetricSighting o) {
            return new UnknownMetricSighting(campId, gatewayId, metricId, metric,
                first.isBefore(o.first) ? first : o.first, last.isAfter(o.last) ? last : o.last, readings + o.readings);
        }
    }
}

package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.Objects;
import org.smartcamp.ingest.wire.RejectReason;

/**
 * Input that could not be stored as readings: kept with its raw bytes and the reason, never dropped.
 *
 * @param receivedAt when the ingest received the message
 * @param topic      the topic it came on (may be any text for an invalid topic)
 * @param payload    the raw payload, or the one reading's JSON when a single reading was refused
 * @param reason     the machine-readable reason
 * @param detail     a sentence for the operator
 */
public record DeadLetter(Instant receivedAt, String topic, byte[] payload, RejectReason reason, String detail) {

    public DeadLetter {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}

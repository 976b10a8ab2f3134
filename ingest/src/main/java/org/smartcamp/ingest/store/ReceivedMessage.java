package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.Objects;
import org.smartcamp.ingest.wire.DecodedMessage;

/**
 * A decoded telemetry message as it reached the ingest.
 *
 * @param topic      the topic it came on
 * @param receivedAt when the ingest received it
 * @param payload    the raw payload (kept for a dead letter if the registry refuses the whole message)
 * @param message    its decoded readings (the rejected ones already turned into dead letters by the caller)
 */
public record ReceivedMessage(String topic, Instant receivedAt, byte[] payload, DecodedMessage message) {

    public ReceivedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(message, "message");
    }
}

package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.Objects;
import org.smartcamp.ingest.wire.DecodedMessage;

/**
 * A decoded telemetry message as it reached the ingest.
 *
 * @param topic      the topic it came on
 * @param receivedAt when the ingest received it
 * @param message    its decoded readings (the rejected ones already turned into dead letters by the caller)
 */
public record ReceivedMessage(String topic, Instant receivedAt, DecodedMessage message) {

    public ReceivedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(message, "message");
    }
}

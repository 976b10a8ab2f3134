package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One MQTT message as a {@link WireFormat} sees it.
 *
 * @param topic      its topic
 * @param payload    its payload
 * @param properties its MQTT 5 properties that a format may use ({@code content-type} and the user properties)
 * @param receivedAt when the ingest received it
 */
public record WireMessage(String topic, byte[] payload, Map<String, String> properties, Instant receivedAt) {

    public WireMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** A message without properties. */
    public static WireMessage of(String topic, byte[] payload, Instant receivedAt) {
        return new WireMessage(topic, payload, Map.of(), receivedAt);
    }
}

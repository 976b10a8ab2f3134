package org.smartcamp.ingest.mqtt;

import java.time.Instant;
import java.util.Map;

/**
 * A PUBLISH received from the broker and not yet acknowledged.
 *
 * @param topic      its topic
 * @param payload    its payload, or only its first bytes when it was larger than the ingest accepts
 * @param messageId  MQTT packet id (needed to acknowledge it)
 * @param qos        QoS it was delivered with (0 needs no acknowledgement)
 * @param connection the connection it arrived on; an acknowledgement is only sent on that same connection
 * @param receivedAt when it arrived
 * @param size       its payload's size as received (more than {@code payload.length} when it was cut)
 * @param properties its MQTT 5 content type ({@code content-type}) and user properties
 */
public record InboundMessage(String topic, byte[] payload, int messageId, int qos, long connection,
                             Instant receivedAt, int size, Map<String, String> properties) {

    public InboundMessage {
        properties = Map.copyOf(properties);
    }

    /** A message without properties, possibly cut. */
    public InboundMessage(String topic, byte[] payload, int messageId, int qos, long connection, Instant receivedAt,
                          int size) {
        this(topic, payload, messageId, qos, connection, receivedAt, size, Map.of());
    }

    /** A message received whole, without properties. */
    public InboundMessage(String topic, byte[] payload, int messageId, int qos, long connection, Instant receivedAt) {
        this(topic, payload, messageId, qos, connection, receivedAt, payload.length);
    }

    /** Whether only the first bytes of the payload were kept, the message being too large to be accepted. */
    public boolean truncated() {
        return size > payload.length;
    }
}

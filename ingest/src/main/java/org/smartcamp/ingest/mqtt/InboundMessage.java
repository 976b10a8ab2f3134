package org.smartcamp.ingest.mqtt;

import java.time.Instant;

/**
 * A PUBLISH received from the broker and not yet acknowledged.
 *
 * @param topic      its topic
 * @param payload    its payload
 * @param messageId  MQTT packet id (needed to acknowledge it)
 * @param qos        QoS it was delivered with (0 needs no acknowledgement)
 * @param connection the connection it arrived on; an acknowledgement is only sent on that same connection
 * @param receivedAt when it arrived
 */
public record InboundMessage(String topic, byte[] payload, int messageId, int qos, long connection,
                             Instant receivedAt) {
}

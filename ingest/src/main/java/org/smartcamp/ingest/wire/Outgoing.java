package org.smartcamp.ingest.wire;

import java.util.Objects;

/**
 * A message a format asks the ingest to publish (a command to a sender, a host status).
 *
 * @param topic    where
 * @param payload  what
 * @param qos      0 or 1
 * @param retained whether the broker keeps it for later subscribers
 */
public record Outgoing(String topic, byte[] payload, int qos, boolean retained) {

    public Outgoing {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 1) {
            throw new IllegalArgumentException("qos must be 0 or 1");
        }
    }
}

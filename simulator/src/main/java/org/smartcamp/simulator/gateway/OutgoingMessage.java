package org.smartcamp.simulator.gateway;

import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * One telemetry message as a gateway sends it.
 *
 * @param address where it goes (its topic)
 * @param batch   sequence number, send time and readings
 * @param payload the encoded JSON payload (wire contract v1)
 * @param resend  whether it is a duplicate of a message sent before
 * @param backlog whether it carries readings held back during a link outage (Sparkplug marks them historical)
 */
public record OutgoingMessage(TopicAddress address, TelemetryBatch batch, byte[] payload, boolean resend,
                              boolean backlog) {

    /** A message sent live (not a backlog). */
    public OutgoingMessage(TopicAddress address, TelemetryBatch batch, byte[] payload, boolean resend) {
        this(address, batch, payload, resend, false);
    }
}

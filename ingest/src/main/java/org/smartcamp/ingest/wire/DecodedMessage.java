package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.List;

/**
 * A telemetry message after decoding and validation, whatever its {@link WireFormat}: the readings that passed and
 * those that did not.
 *
 * @param address  mission, camp and gateway from the topic (or the format's mapping of it)
 * @param format   the payload format it came in
 * @param seq      gateway sequence number, or {@code null} when the format has none (SenML)
 * @param sent     gateway send time, or {@code null} when the format has none (SenML)
 * @param readings readings that passed validation
 * @param rejected readings that did not, each with its reason
 * @param status   what the message says about its gateway's session, or {@code null} when nothing
 * @param session  the format's state for this sender after the message, committed with it; {@code null} for none
 */
public record DecodedMessage(TopicAddress address, PayloadFormat format, Long seq, Instant sent,
                             List<Reading> readings, List<RejectedReading> rejected, GatewayStatus status,
                             SessionState session) {

    public DecodedMessage {
        readings = List.copyOf(readings);
        rejected = List.copyOf(rejected);
    }

    /** A message of a stateless format that says nothing about its gateway's session. */
    public DecodedMessage(TopicAddress address, PayloadFormat format, Long seq, Instant sent,
                          List<Reading> readings, List<RejectedReading> rejected) {
        this(address, format, seq, sent, readings, rejected, null, null);
    }
}

package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.List;

/**
 * A telemetry message after decoding and validation: the readings that passed and those that did not.
 *
 * @param address  mission, camp and gateway from the topic
 * @param format   the payload format it came in
 * @param seq      gateway sequence number, or {@code null} when the format has none (SenML)
 * @param sent     gateway send time, or {@code null} when the format has none (SenML)
 * @param readings readings that passed validation
 * @param rejected readings that did not, each with its reason
 */
public record DecodedMessage(TopicAddress address, PayloadFormat format, Long seq, Instant sent,
                             List<Reading> readings, List<RejectedReading> rejected) {

    public DecodedMessage {
        readings = List.copyOf(readings);
        rejected = List.copyOf(rejected);
    }
}

package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.List;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.PayloadFormat;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/** Builds write batches as the pipeline hands them to the store. */
final class WriterFixture {
    private WriterFixture() {
    }

    static ReceivedMessage message(TopicAddress address, long seq, Instant received, List<Reading> readings) {
        byte[] payload = TelemetryEncoder.encode(new TelemetryBatch(seq, received, readings));
        return new ReceivedMessage(address.telemetryTopic(), received, payload,
            new DecodedMessage(address, PayloadFormat.SMARTCAMP_JSON, seq, received, readings, List.of()));
    }

    static WriteBatch batch(ReceivedMessage... messages) {
        return new WriteBatch(List.of(messages), List.of());
    }
}

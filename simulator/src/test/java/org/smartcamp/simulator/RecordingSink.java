package org.smartcamp.simulator;

import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;

/** Keeps every message sent, for assertions. */
final class RecordingSink implements TelemetrySink {
    final List<OutgoingMessage> messages = new ArrayList<>();
    boolean closed;

    @Override
    public void send(OutgoingMessage message) {
        messages.add(message);
    }

    @Override
    public void close() {
        closed = true;
    }

    List<Reading> readings() {
        return messages.stream().flatMap(m -> m.batch().readings().stream()).toList();
    }

    /** Readings of {@code asset}/{@code metric} in the order sent. */
    List<Reading> readings(String asset, String metric) {
        return readings().stream().filter(r -> r.asset().equals(asset) && r.metric().equals(metric)).toList();
    }
}

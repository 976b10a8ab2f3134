package org.smartcamp.ingest.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.store.DeadLetter;
import org.smartcamp.ingest.store.ReceivedMessage;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.wire.RejectReason;

/** The messages of one batch, in arrival order, with what they decoded to; not thread-safe (one context). */
final class PendingBatch {
    private final List<InboundMessage> inbound = new ArrayList<>();
    private final List<ReceivedMessage> decoded = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private int readings;
    /** The batch made ready by the store, or null while it is not (yet, or again after a failure). */
    private TelemetryStore.Prepared prepared;
    /** When its opening started, or null while it is not started (not yet, or again after a failure). */
    private Instant openedAt;
    /** Its open transaction, or null while it is not open. */
    private TelemetryStore.Open open;
    private boolean finishing;

    void add(InboundMessage message, ReceivedMessage received, List<DeadLetter> rejected) {
        inbound.add(message);
        if (received != null) {
            decoded.add(received);
            readings += received.message().readings().size();
        }
        deadLetters.addAll(rejected);
    }

    int readings() {
        return readings;
    }

    int messages() {
        return inbound.size();
    }

    boolean isEmpty() {
        return inbound.isEmpty();
    }

    List<InboundMessage> inbound() {
        return inbound;
    }

    TelemetryStore.Prepared prepared() {
        return prepared;
    }

    void prepared(TelemetryStore.Prepared ready) {
        this.prepared = ready;
    }

    /** Whether it is being opened, is open or is being finished. */
    boolean started() {
        return openedAt != null;
    }

    Instant openedAt() {
        return openedAt;
    }

    void opening(Instant at) {
        this.openedAt = at;
    }

    TelemetryStore.Open open() {
        return open;
    }

    /** Its open transaction; null when there is none any more (finished, failed or abandoned). */
    void open(TelemetryStore.Open transaction) {
        this.open = transaction;
        if (transaction == null) {
            this.openedAt = null;
            this.finishing = false;
        }
    }

    boolean finishing() {
        return finishing;
    }

    void finishing(boolean now) {
        this.finishing = now;
    }

    WriteBatch toWriteBatch() {
        return new WriteBatch(decoded, deadLetters);
    }

    /** Dead letters found while decoding, by reason (the store adds those the registry refuses). */
    int deadLetters(RejectReason reason) {
        int n = 0;
        for (DeadLetter d : deadLetters) {
            if (d.reason() == reason) {
                n++;
            }
        }
        return n;
    }
}

package org.smartcamp.ingest.pipeline;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import org.smartcamp.ingest.wire.RejectReason;

/** What the ingest reports about itself. One implementation records into Micrometer. */
public interface IngestMetrics {

    /** A message arrived from the broker with {@code bytes} of payload. */
    void messageReceived(int bytes);

    /** A decoded message carried {@code count} readings (valid or not). */
    void readingsReceived(int count);

    /** A batch was committed. */
    void batchCommitted(int stored, int duplicates, int messages, Duration latency);

    /** Something was put in the dead-letter table for {@code reason}. */
    void deadLettered(RejectReason reason, int count);

    /** A batch could not be committed and will be retried. */
    void storeFailed();

    /** Supplies the number of messages received and not yet acknowledged. */
    void registerQueueDepth(IntSupplier depth);

    /** Supplies whether the broker connection is up. */
    void registerBrokerConnected(BooleanSupplier connected);

    /** Supplies the seconds messages have waited with no commit (0 while none waits or commits go on). */
    void registerStalled(DoubleSupplier seconds);
}

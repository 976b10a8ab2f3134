package org.smartcamp.ingest.store;

/**
 * Where the ingest commits telemetry. Implementations write a whole batch in one transaction: when
 * {@link #write} returns, everything in the batch is durable (readings, duplicates skipped, dead letters),
 * so the messages may be acknowledged to the broker. Blocking: call it off the event loop.
 */
public interface TelemetryStore {

    /**
     * Commits the batch.
     *
     * @return counts of what was stored, skipped as duplicate and dead-lettered
     * @throws StoreException when the transaction could not be committed (nothing of the batch is then stored)
     */
    WriteResult write(WriteBatch batch);
}

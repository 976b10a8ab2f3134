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

    /**
     * A batch made ready to commit: what can be done before the transaction (resolving ids, encoding rows) is
     * done, so that the next batch can be made ready while the one before commits.
     */
    interface Prepared {
        /** The batch it was made from. */
        WriteBatch batch();
    }

    /**
     * Makes a batch ready for {@link #commit}. Nothing of it is stored yet; a batch may be prepared while another
     * commits, but prepared batches are committed one at a time, in the order they were prepared.
     *
     * @throws StoreException (or another runtime exception) when it cannot be made ready now: retry later
     */
    default Prepared prepare(WriteBatch batch) {
        return () -> batch;
    }

    /**
     * Commits a batch made ready by {@link #prepare} (of this store), with the guarantees of {@link #write}.
     *
     * @return counts of what was stored, skipped as duplicate and dead-lettered
     * @throws StoreException when the transaction could not be committed (nothing of the batch is then stored)
     */
    default WriteResult commit(Prepared prepared) {
        return write(prepared.batch());
    }
}

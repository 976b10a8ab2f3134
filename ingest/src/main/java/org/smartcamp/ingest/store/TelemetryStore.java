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
     * commits, but prepared batches are committed (or {@linkplain Open#finish finished}) one at a time, in the order
     * they were prepared.
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

    /**
     * A prepared batch whose transaction is open: {@link #open} has written what it can without committing, and
     * {@link #finish} writes the rest and commits.
     */
    interface Open {
        /**
         * Writes the rest of the batch and commits, with the guarantees of {@link #write}; the transaction is over
         * afterwards, committed or not.
         *
         * @return counts of what was stored, skipped as duplicate and dead-lettered
         * @throws StoreException (or another runtime exception) when the transaction could not be committed (nothing
         *                        of the batch is then stored): retry later
         */
        WriteResult finish();

        /** Rolls back what was written and gives the connection back; nothing of the batch is stored. */
        void abandon();
    }

    /**
     * Opens a batch made ready by {@link #prepare}: starts its transaction and writes what can be written while the
     * batch before it is still open ({@link #concurrent}). Batches are then {@linkplain Open#finish finished} one at
     * a time, in the order they were prepared, and a batch opened after one that failed is
     * {@linkplain Open#abandon abandoned}. Never throws: what fails here is tried again, and classified, by
     * {@link Open#finish}. The default writes nothing before {@link Open#finish}, which {@linkplain #commit commits}
     * the batch whole.
     */
    default Open open(Prepared prepared) {
        return new Open() {
            @Override
            public WriteResult finish() {
                return commit(prepared);
            }

            @Override
            public void abandon() {
                // nothing was written
            }
        };
    }

    /**
     * Whether {@code later} may be {@linkplain #open opened} while {@code earlier} is open and not finished: only
     * when neither can wait for a row the other one's open transaction holds (the two would otherwise wait on each
     * other, one in the database and one in the pipeline). The default is false: one batch at a time.
     */
    default boolean concurrent(Prepared earlier, Prepared later) {
        return false;
    }
}

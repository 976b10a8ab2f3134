package org.smartcamp.ingest.pipeline;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.store.WriteResult;

/**
 * A real store with every write's outcome reported, so that a fuzz target sees the exception a write failed
 * with at once instead of waiting for the pipeline's retries to give up (they never do).
 */
final class ObservedStore implements TelemetryStore {
    /** What one write did: its result, or the exception it failed with ({@code null} for an {@link Error}). */
    record Outcome(WriteBatch batch, WriteResult result, RuntimeException failure) {
        boolean committed() {
            return result != null;
        }
    }

    private final TelemetryStore store;
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    ObservedStore(TelemetryStore store) {
        this.store = store;
    }

    @Override
    public WriteResult write(WriteBatch batch) {
        WriteResult result = null;
        RuntimeException failure = null;
        try {
            result = store.write(batch);
            return result;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            outcomes.add(new Outcome(batch, result, failure));
        }
    }

    /**
     * The outcome of the next write.
     *
     * @throws AssertionError when no write ends within {@code timeout}
     */
    Outcome next(Duration timeout) {
        try {
            Outcome outcome = outcomes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                throw new AssertionError("no write ended within " + timeout);
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a write", e);
        }
    }
}

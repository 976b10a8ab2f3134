package org.smartcamp.api.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.smartcamp.api.ops.ApiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of who read or exported what, written off the request path but never lossy. A request is
 * {@linkplain #admit() admitted} only when it holds one of {@code capacity} slots for its entry; the slot is
 * freed when the entry is written. Entries are written as soon as they are {@linkplain #record recorded}, in
 * batches of what has queued meanwhile (one batch in flight), so the writer keeps up with the requests. When it
 * cannot (the database is slow or away) the slots run out and new requests wait for one (backpressure) and are
 * refused with 503 after {@code admissionWaitMs}; an entry is never dropped for want of room. A batch that fails
 * is retried every second; one the database refuses for its content (SQLSTATE 22, 23) is written entry by entry,
 * and only an entry the database refuses alone is dropped (counted and logged), so one entry cannot block the
 * log.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 5_000;
    private static final long RETRY_MS = 1_000;

    private final Vertx vertx;
    private final Db db;
    private final ApiMetrics metrics;
    private final int capacity;
    private final long admissionWaitMs;
    private final Object lock = new Object();
    private final Deque<AuditEntry> queue = new ArrayDeque<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private int reserved;
    private int writingCount;
    private Future<Void> writing;
    private boolean failing;
    private long timer = -1;

    /** A request waiting for a slot, on its own context. */
    private record Waiter(Context context, Promise<Boolean> promise) {
    }

    /**
     * @param capacity        entries held at most: admitted requests still running plus entries not yet written
     * @param admissionWaitMs how long a request waits for a slot before it is refused
     */
    public AuditLog(Vertx vertx, Db db, ApiMetrics metrics, int capacity, long admissionWaitMs) {
        this.vertx = vertx;
        this.db = db;
        this.metrics = metrics;
        this.capacity = capacity;
        this.admissionWaitMs = admissionWaitMs;
        metrics.registerAuditQueue(this::size);
    }

    /** Starts the retry timer. */
    public void start() {
        timer = vertx.setPeriodic(RETRY_MS, id -> {
            synchronized (lock) {
                failing = false;
                write();
            }
        });
    }

    /**
     * Holds a slot for one request's entry: at once when there is room, else as soon as written entries free
     * one, on the caller's context.
     *
     * @return true once the slot is held, false when none was free within the admission wait
     */
    public Future<Boolean> admit() {
        Waiter waiter;
        synchronized (lock) {
            if (waiters.isEmpty() && used() < capacity) {
                reserved++;
                return Future.succeededFuture(true);
            }
            waiter = new Waiter(vertx.getOrCreateContext(), Promise.promise());
            waiters.addLast(waiter);
        }
        vertx.setTimer(admissionWaitMs, id -> {
            boolean removed;
            synchronized (lock) {
                removed = waiters.remove(waiter);
            }
            if (removed) {
                waiter.promise().tryComplete(false);
            }
        });
        return waiter.promise().future();
    }

    /** Queues the entry of an admitted request (its slot) and writes it soon. */
    public void record(AuditEntry entry) {
        synchronized (lock) {
            if (reserved > 0) {
                reserved--;
            }
            queue.addLast(entry);
            write();
        }
    }

    /** Entries waiting to be written (queued and in flight). */
    public int size() {
        synchronized (lock) {
            return queue.size() + writingCount;
        }
    }

    private int used() {
        return reserved + queue.size() + writingCount;
    }

    /** Starts writing a batch unless one is in flight or the database failed less than a second ago. */
    private void write() {
        if (writing != null || failing || queue.isEmpty()) {
            return;
        }
        List<AuditEntry> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < BATCH) {
            batch.add(queue.pollFirst());
        }
        writingCount = batch.size();
        Promise<Void> done = Promise.promise();
        writing = done.future();
        // the field is set before the write starts: its end (possibly at once, on this thread) clears it
        db.run(c -> insert(c, batch)).onComplete(ar -> written(batch, ar.succeeded() ? ar.result() : null, ar.cause())
            .onComplete(done));
    }

    /** Inserts the batch; when the database refuses its content, entry by entry. @return the entries dropped */
    private static int insert(Connection c, List<AuditEntry> batch) throws SQLException {
        try {
            AuditStore.insert(c, batch);
            return 0;
        } catch (SQLException e) {
            if (!refusedForContent(e)) {
                throw e;
            }
            LOG.warn("Audit batch of {} refused ({}), writing it entry by entry", batch.size(), e.getMessage());
            int dropped = 0;
            for (AuditEntry entry : batch) {
                try {
                    AuditStore.insert(c, List.of(entry));
                } catch (SQLException one) {
                    if (!refusedForContent(one)) {
                        throw one;
                    }
                    LOG.error("Audit entry refused by the database, dropped: {} ({})", entry, one.getMessage());
                    dropped++;
                }
            }
            return dropped;
        }
    }

    /** A data exception or constraint violation (SQLSTATE 22, 23): the same entry fails the same way again. */
    private static boolean refusedForContent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private Future<Void> written(List<AuditEntry> batch, Integer dropped, Throwable failure) {
        List<Waiter> admitted = new ArrayList<>();
        synchronized (lock) {
            writingCount = 0;
            writing = null;
            if (failure == null) {
                metrics.auditWritten(batch.size() - dropped);
                metrics.auditDropped(dropped);
            } else {
                failing = true;
                for (int i = batch.size() - 1; i >= 0; i--) {
                    queue.addFirst(batch.get(i));
                }
                LOG.warn("Audit batch of {} not written, will retry: {}", batch.size(), failure.getMessage());
            }
            while (!waiters.isEmpty() && used() < capacity) {
                reserved++;
                admitted.add(waiters.pollFirst());
            }
            write();
        }
        admitted.forEach(w -> w.context().runOnContext(v -> {
            if (!w.promise().tryComplete(true)) {
                release();
            }
        }));
        return failure == null ? Future.succeededFuture() : Future.failedFuture(failure);
    }

    private void release() {
        synchronized (lock) {
            reserved--;
        }
    }

    /**
     * Writes everything queued now.
     *
     * @return done when it is written, failed when the database is away
     */
    public Future<Void> flush() {
        Future<Void> current;
        synchronized (lock) {
            failing = false;
            write();
            current = writing;
        }
        return current == null ? Future.succeededFuture() : current.compose(v -> flush());
    }

    /** Stops the writer and writes what is queued, waiting for it (call it from outside the event loops). */
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        List<Waiter> refused;
        synchronized (lock) {
            refused = new ArrayList<>(waiters);
            waiters.clear();
        }
        refused.forEach(w -> w.promise().tryComplete(false));
        try {
            flush().await();
        } catch (RuntimeException e) {
            int lost = size();
            metrics.auditDropped(lost);
            LOG.error("Audit entries lost at shutdown ({}): {}", lost, e.getMessage());
        }
    }
}

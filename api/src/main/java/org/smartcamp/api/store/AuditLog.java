package org.smartcamp.api.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.smartcamp.api.ops.ApiMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of who read or exported what, written off the request path: entries queue in memory and are
 * inserted in batches on a worker every second. When the database is away they stay queued and are retried
 * (up to {@code capacity}; beyond that new entries are dropped, counted and logged). {@link #close()} writes
 * what is left.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 1_000;
    private static final long PERIOD_MS = 1_000;

    private final Vertx vertx;
    private final Db db;
    private final ApiMetrics metrics;
    private final int capacity;
    private final Deque<AuditEntry> queue = new ArrayDeque<>();
    private boolean flushing;
    private long timer = -1;

    public AuditLog(Vertx vertx, Db db, ApiMetrics metrics, int capacity) {
        this.vertx = vertx;
        this.db = db;
        this.metrics = metrics;
        this.capacity = capacity;
        metrics.registerAuditQueue(this::size);
    }

    /** Starts the periodic writer. */
    public void start() {
        timer = vertx.setPeriodic(PERIOD_MS, id -> flush());
    }

    /** Queues an entry (never blocks). */
    public void record(AuditEntry entry) {
        synchronized (queue) {
            if (queue.size() >= capacity) {
                metrics.auditDropped(1);
                LOG.warn("Audit queue full ({} entries): dropped an entry for {}", capacity, entry.principal());
                return;
            }
            queue.addLast(entry);
        }
    }

    /** Entries waiting. */
    public int size() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** Writes one batch on a worker; a failed batch goes back to the head of the queue. */
    public Future<Void> flush() {
        List<AuditEntry> batch = take();
        if (batch.isEmpty()) {
            return Future.succeededFuture();
        }
        return db.run(c -> {
            AuditStore.insert(c, batch);
            return null;
        }).onComplete(ar -> {
            synchronized (queue) {
                flushing = false;
                if (ar.succeeded()) {
                    metrics.auditWritten(batch.size());
                } else {
                    LOG.warn("Audit batch of {} not written, will retry: {}", batch.size(), ar.cause().getMessage());
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        queue.addFirst(batch.get(i));
                    }
                }
            }
        }).mapEmpty();
    }

    private List<AuditEntry> take() {
        synchronized (queue) {
            if (flushing || queue.isEmpty()) {
                return List.of();
            }
            flushing = true;
            List<AuditEntry> batch = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < BATCH) {
                batch.add(queue.pollFirst());
            }
            return batch;
        }
    }

    /** Stops the writer and writes what is queued on the calling thread (not an event loop). */
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        List<AuditEntry> rest;
        synchronized (queue) {
            rest = new ArrayList<>(queue);
            queue.clear();
        }
        if (!rest.isEmpty()) {
            try {
                db.blocking(c -> {
                    AuditStore.insert(c, rest);
                    return null;
                });
                metrics.auditWritten(rest.size());
            } catch (RuntimeException e) {
                metrics.auditDropped(rest.size());
                LOG.error("Audit entries lost at shutdown ({}): {}", rest.size(), e.getMessage());
            }
        }
    }
}

package org.smartcamp.api.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link Registry} snapshot for scope checks and row enrichment, reloaded every {@code refresh}: a camp
 * or asset registered by an inventory import is served within that time. Whether the last reload worked is the
 * database's readiness.
 */
public final class RegistryCache {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryCache.class);

    private final Vertx vertx;
    private final Db db;
    private final Duration refresh;
    private volatile Registry current;
    private volatile boolean healthy;
    private long timer = -1;

    public RegistryCache(Vertx vertx, Db db, Duration refresh) {
        this.vertx = vertx;
        this.db = db;
        this.refresh = refresh;
    }

    /** Loads the first snapshot (failing when the database cannot be read) and starts reloading. */
    public Future<Void> start() {
        return reload().onSuccess(v -> timer = vertx.setPeriodic(refresh.toMillis(), id -> reload()));
    }

    /** Reloads now. */
    public Future<Void> reload() {
        return db.run(RegistryStore::load)
            .onSuccess(r -> {
                current = r;
                healthy = true;
            })
            .onFailure(e -> {
                healthy = false;
                LOG.warn("Registry reload failed: {}", e.getMessage());
            })
            .mapEmpty();
    }

    /** The latest snapshot. */
    public Registry current() {
        return current;
    }

    /** Whether the last reload reached the database. */
    public boolean healthy() {
        return healthy;
    }

    public void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}

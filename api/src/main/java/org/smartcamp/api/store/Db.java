package org.smartcamp.api.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import javax.sql.DataSource;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs JDBC work on Vert.x worker threads, never on the event loop, with a pooled connection. */
public final class Db {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    private final Vertx vertx;
    private final DataSource dataSource;

    public Db(Vertx vertx, DataSource dataSource) {
        this.vertx = vertx;
        this.dataSource = dataSource;
    }

    /** Work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a worker with a connection from the pool.
     *
     * @return its result, or a failed future with a 503 {@link ApiException} when the database fails (the cause
     *     is logged, not shown)
     */
    public <T> Future<T> run(Work<T> work) {
        return vertx.executeBlocking(() -> blocking(work), false);
    }

    /** The same, on the calling thread (for workers and the launcher). */
    public <T> T blocking(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            if (unavailable(e)) {
                LOG.warn("Database unavailable: {}", e.getMessage());
                throw ApiException.unavailable("the database did not answer; try again later");
            }
            throw new IllegalStateException("query failed: " + e.getMessage(), e);
        } catch (StoreException e) {
            LOG.warn("Database unavailable: {}", e.getMessage());
            throw ApiException.unavailable("the database did not answer; try again later");
        }
    }

    /** Connection trouble, resource exhaustion or shutdown: the client may retry; anything else is a bug. */
    static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || state == null || state.startsWith("08")
            || state.startsWith("53") || state.startsWith("57");
    }
}

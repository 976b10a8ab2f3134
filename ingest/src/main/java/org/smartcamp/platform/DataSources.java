package org.smartcamp.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.smartcamp.ingest.store.StoreException;

/**
 * Connection pools for the store, and a reachability check that fails with one clear sentence. Every service and
 * every command gets its pool here ({@link #open}), so that pool settings and the "cannot reach" message exist once.
 */
public final class DataSources {
    private DataSources() {
    }

    /** A pool named {@code smartcamp}; see {@link #create(DatabaseConfig, String)}. */
    public static HikariDataSource create(DatabaseConfig config) {
        return create(config, "smartcamp");
    }

    /**
     * A pool for {@code config}. It connects lazily, so creating it never fails on an unreachable database;
     * call {@link #checkReachable} to find out early.
     */
    public static HikariDataSource create(DatabaseConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(10_000);
        hikari.setAutoCommit(true);
        hikari.addDataSourceProperty("ApplicationName", poolName);
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(hikari);
    }

    /**
     * A pool that has reached the database once, with the schema migrated first when {@code migrate} is set. On any
     * failure the pool is closed before the exception leaves.
     *
     * @throws StoreException saying which database could not be reached (or migrated) and why
     */
    public static HikariDataSource open(DatabaseConfig config, String poolName, boolean migrate) {
        HikariDataSource pool = create(config, poolName);
        try {
            checkReachable(pool, config);
            if (migrate) {
                new SchemaMigrator(config).migrate(pool);
            }
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens one connection.
     *
     * @throws StoreException saying which database could not be reached and why
     */
    public static void checkReachable(DataSource dataSource, DatabaseConfig config) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(5)) {
                throw new StoreException("cannot reach the database at " + config.url() + ": connection not valid");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot reach the database at " + config.url() + " as user '" + config.user()
                + "': " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message: what actually went wrong (connection refused, auth failed, ...). */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}

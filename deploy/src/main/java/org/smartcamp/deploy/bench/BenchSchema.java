package org.smartcamp.deploy.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.MigrationReport;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.smartcamp.ingest.store.StoreException;

/** A migrated schema of its own for one bench phase, dropped afterwards. */
public final class BenchSchema implements AutoCloseable {
    private final DatabaseConfig base;
    private final String schema;
    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final MigrationReport migration;

    public BenchSchema(DatabaseConfig base, String name) {
        this(base, name, Math.max(2, base.poolSize()));
    }

    /** A schema whose pool holds {@code poolSize} connections (at least two, for the migration). */
    BenchSchema(DatabaseConfig base, String name, int poolSize) {
        this.base = base;
        this.schema = "bench_" + name + "_" + Long.toString(System.nanoTime(), 36);
        execute("CREATE SCHEMA " + schema);
        String url = base.url() + (base.url().contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
        this.config = new DatabaseConfig(url, base.user(), base.password(), Math.max(2, poolSize), null);
        this.dataSource = DataSources.create(config, "smartcamp-bench");
        this.migration = SchemaMigrator.withRetention(null).migrate(dataSource);
    }

    String name() {
        return schema;
    }

    /** What the migration found: the engine and its version. */
    MigrationReport migration() {
        return migration;
    }

    public DatabaseConfig config() {
        return config;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new StoreException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(base.url(), base.user(), base.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("bench: " + sql + ": " + e.getMessage(), e);
        }
    }
}

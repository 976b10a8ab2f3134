package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway (migrations in {@code db/migration}, into the connection's current
 * schema), seeds the catalogue's asset kinds and metrics ({@link CatalogueSeeder}), then, where TimescaleDB is
 * available, applies hypertable, compression and retention. Running it again is a no-op. Several processes may run it
 * at once: Flyway takes a lock, and the seeding is an idempotent upsert.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final Duration retention;

    /** A migrator keeping readings for {@code config.retention()}. */
    public SchemaMigrator(DatabaseConfig config) {
        this(config.retention());
    }

    private SchemaMigrator(Duration retention) {
        this.retention = retention;
    }

    /** A migrator keeping readings for {@code retention} ({@code null}: for ever). */
    public static SchemaMigrator withRetention(Duration retention) {
        return new SchemaMigrator(retention);
    }

    /**
     * Migrates. Flyway holds two connections at once, so the pool needs at least two.
     *
     * @return what was done and which engine is in use
     * @throws StoreException when the database refuses a step (nothing is left half-migrated by Flyway)
     */
    public MigrationReport migrate(DataSource dataSource) {
        try {
            StorageEngine engine;
            try (Connection c = dataSource.getConnection()) {
                engine = TimescaleSetup.detect(c);
            }
            MigrateResult result = flyway(dataSource).migrate();
            String version;
            try (Connection c = dataSource.getConnection()) {
                if (CatalogueCheck.seedingChangesRows(c)) {
                    CatalogueSeeder.seed(c);
                    LOG.info("Catalogue seeded from the code; what still differs: {}", CatalogueCheck.differences(c));
                }
                if (engine == StorageEngine.TIMESCALEDB) {
                    TimescaleSetup.apply(c, retention);
                    version = "TimescaleDB " + TimescaleSetup.installedVersion(c);
                } else {
                    version = "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
                }
            }
            String schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway(dataSource).info().current().getVersion().getVersion();
            MigrationReport report = new MigrationReport(engine, version, result.migrationsExecuted, schemaVersion,
                retention);
            LOG.info("Schema migrated: {}", report);
            return report;
        } catch (SQLException | FlywayException e) {
            throw new StoreException("cannot migrate the database schema: " + DataSources.rootMessage(e), e);
        }
    }

    private static Flyway flyway(DataSource dataSource) {
        return configuration(dataSource).loggers("slf4j").load();
    }

    /**
     * Flyway's configuration of every migration: the SQL files in {@code db/migration} and the Java ones
     * ({@link CatalogueMigration}, {@link PrivacyMigration}), for tools and tests that drive Flyway themselves.
     */
    public static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
            .javaMigrations(new CatalogueMigration(), new PrivacyMigration());
    }
}

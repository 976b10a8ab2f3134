package org.smartcamp.ingest.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 10, in Java because its rows come from code: creates {@code asset_kinds}, seeds it and the metrics from
 * the catalogue ({@link CatalogueSeeder}) and replaces V1's check constraint on {@code assets.kind} by a foreign key
 * to {@code asset_kinds}. Plain DDL on regular tables, so the same on TimescaleDB. Later changes to the catalogue
 * reach the database through the seeding {@link SchemaMigrator} runs after every migration.
 */
final class CatalogueMigration implements JavaMigration {
    static final String VERSION = "10";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "catalogue";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        CatalogueSeeder.createKindTable(context.getConnection());
        CatalogueSeeder.seed(context.getConnection());
        CatalogueSeeder.referenceKinds(context.getConnection());
    }
}

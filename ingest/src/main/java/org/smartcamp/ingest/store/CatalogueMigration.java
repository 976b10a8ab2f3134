package org.smartcamp.ingest.store;

import org.flywaydb.core.api.migration.Context;

/**
 * Migration 10, in Java because its rows come from code: creates {@code asset_kinds}, seeds it and the metrics from
 * the catalogue ({@link CatalogueSeeder}) and replaces V1's check constraint on {@code assets.kind} by a foreign key
 * to {@code asset_kinds}. Plain DDL on regular tables, so the same on TimescaleDB. Later changes to the catalogue
 * reach the database through the seeding {@link SchemaMigrator} runs after every migration.
 */
final class CatalogueMigration extends CodeMigration {
    static final String VERSION = "10";

    CatalogueMigration() {
        super(VERSION, "catalogue");
    }

    @Override
    public void migrate(Context context) throws Exception {
        CatalogueSeeder.createKindTable(context.getConnection());
        CatalogueSeeder.seedRows(context.getConnection());
        CatalogueSeeder.referenceKinds(context.getConnection());
    }
}

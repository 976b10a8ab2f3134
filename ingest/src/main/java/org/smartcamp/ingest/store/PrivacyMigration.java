package org.smartcamp.ingest.store;

import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 23, in Java because which metrics are personal comes from the catalogue ({@code Metric#personal}), as
 * migration 10's seeds do: adds {@code metrics.personal} and sets it from the code, the {@code location} grant of
 * API keys, and the columns of {@code api_audit} that say which personal data a request read. Plain DDL on regular
 * tables, so the same on TimescaleDB. Later changes to the catalogue's flag reach the database through the seeding
 * {@link SchemaMigrator} runs after every migration.
 */
final class PrivacyMigration extends CodeMigration {
    static final String VERSION = "23";

    PrivacyMigration() {
        super(VERSION, "personal data");
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            for (String sql : Sql.PRIVACY_SCHEMA) {
                s.execute(sql);
            }
        }
        CatalogueSeeder.markPersonal(context.getConnection());
    }
}

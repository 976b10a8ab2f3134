package org.smartcamp.ingest.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because its rows come from the catalogue in code: a version and a
 * description, no checksum (the code it seeds from may change; the seeding after every migration follows it), run
 * in the migration's transaction.
 */
abstract class CodeMigration implements JavaMigration {
    private final String version;
    private final String description;

    CodeMigration(String version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}

package org.smartcamp.ingest.store;

import java.time.Duration;

/**
 * What a migration did.
 *
 * @param engine            the engine the schema now uses
 * @param engineVersion     TimescaleDB's extension version, or PostgreSQL's server version
 * @param applied           migrations applied by this run (0 when already up to date)
 * @param schemaVersion     the schema version now in place
 * @param retention         how long readings are kept, or {@code null} for ever
 */
public record MigrationReport(StorageEngine engine, String engineVersion, int applied, String schemaVersion,
                              Duration retention) {

    @Override
    public String toString() {
        return "schema version " + schemaVersion + " (" + applied + " migration(s) applied), engine "
            + engine.name().toLowerCase(java.util.Locale.ROOT) + " " + engineVersion + ", retention "
            + (retention == null ? "none (keep for ever)" : retention.toDays() + " days");
    }
}

package org.smartcamp.deploy.backup;

import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.smartcamp.ingest.store.SchemaMigrator;

/** The backup's schema version against the migrations this SmartCamp carries. */
final class SchemaVersions {
    private SchemaVersions() {
    }

    /**
     * Refuses a backup whose schema is newer than this SmartCamp's latest migration.
     *
     * @return a sentence for the user when the backup's schema is older (run {@code smartcamp migrate} after the
     *     restore), else {@code null}
     * @throws BackupException when the backup's schema is newer
     */
    static String check(DataSource dataSource, String backupVersion, String backupSmartcamp) {
        if (backupVersion == null) {
            return "the backup holds no SmartCamp schema (no flyway_schema_history)";
        }
        MigrationVersion latest = latestKnown(dataSource);
        MigrationVersion backup = MigrationVersion.fromVersion(backupVersion);
        if (backup.compareTo(latest) > 0) {
            throw new BackupException("version mismatch: the backup's schema version is " + backupVersion + " and "
                + "this SmartCamp knows migrations up to " + latest + ": restore it with the SmartCamp that made it ("
                + backupSmartcamp + ") or a newer one");
        }
        return backup.compareTo(latest) < 0 ? "the backup's schema version is " + backupVersion + " and this "
            + "SmartCamp's is " + latest + ": run smartcamp migrate before starting the services" : null;
    }

    /** The highest version among the migrations on the classpath. */
    static MigrationVersion latestKnown(DataSource dataSource) {
        return Arrays.stream(SchemaMigrator.configuration(dataSource).load().info().all())
            .filter(i -> i.getState().isResolved()).map(MigrationInfo::getVersion).filter(Objects::nonNull)
            .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
    }
}

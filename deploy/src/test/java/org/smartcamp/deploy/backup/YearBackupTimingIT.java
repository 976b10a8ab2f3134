package org.smartcamp.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.smartcamp.deploy.bench.Machine;
import org.smartcamp.deploy.bench.SeededCamps;
import org.smartcamp.ingest.store.MigrationReport;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures {@code smartcamp backup} and {@code smartcamp restore} on the bench's year of ten camps (docs/operations.md
 * quotes the figures). Runs only when {@code SMARTCAMP_TEST_BACKUP_TIMING_CAMPS} is set (camps to seed, 10 for the
 * documented figures; {@code SMARTCAMP_TEST_BACKUP_TIMING_DAYS}, default 365, and {@code _RAW_DAYS}, default 7, as the
 * bench): it seeds a database of its own, backs it up, restores it into another, prints the sizes and times and writes
 * them to target/backup-timing.md, and drops both databases.
 */
@EnabledIfEnvironmentVariable(named = "SMARTCAMP_TEST_BACKUP_TIMING_CAMPS", matches = "[0-9]+")
class YearBackupTimingIT {
    private static final Logger LOG = LoggerFactory.getLogger(YearBackupTimingIT.class);

    @Test
    void backupAndRestoreOfAYearOfCamps() throws Exception {
        int campCount = Integer.parseInt(System.getenv("SMARTCAMP_TEST_BACKUP_TIMING_CAMPS"));
        int days = Integer.parseInt(System.getenv().getOrDefault("SMARTCAMP_TEST_BACKUP_TIMING_DAYS", "365"));
        int rawDays = Integer.parseInt(System.getenv().getOrDefault("SMARTCAMP_TEST_BACKUP_TIMING_RAW_DAYS", "7"));
        List<String> lines = new ArrayList<>();
        try (ScratchDatabases databases = new ScratchDatabases()) {
            String source = databases.create("year");
            long seedStarted = System.nanoTime();
            try (HikariDataSource ds = databases.dataSource(source)) {
                MigrationReport migration = SchemaMigrator.withRetention(null).migrate(ds);
                SeededCamps.fill(ds, migration.engine(), campCount, Instant.now().truncatedTo(ChronoUnit.HOURS), days,
                    rawDays, 60, line -> LOG.info("seed: {}", line));
            }
            lines.add(Machine.describe(databases.config(source)).markdown());
            lines.add(String.format("Seeded %d camps, %d days of rollups, figures and events, %d days of raw readings"
                + " every 60 s, in %.0f s; load average before the backup %s.", campCount, days, rawDays,
                Backup.seconds(seedStarted), loadAverage()));
            lines.add("Source database size " + size(databases, source, "pg_database_size(current_database())")
                + "; readings " + count(databases, source, "readings") + " rows, readings_hourly "
                + count(databases, source, "readings_hourly") + " rows.");
            Path dump = Files.createTempDirectory("smartcamp-timing").resolve("year.dump");
            long started = System.nanoTime();
            ScratchDatabases.Run backup = ScratchDatabases.smartcamp("backup", "-c",
                databases.configFile(source).toString(), "--out", dump.toString());
            double backupSeconds = Backup.seconds(started);
            assertThat(backup.exit()).as(backup.err()).isZero();
            lines.add(String.format("smartcamp backup: %.1f s wall; %s", backupSeconds, backup.out().strip()));
            lines.add("Dump size " + Files.size(dump) + " bytes; load average before the restore " + loadAverage()
                + ".");
            String target = databases.name("yearrestored");
            started = System.nanoTime();
            ScratchDatabases.Run restore = ScratchDatabases.smartcamp("restore", "-c",
                databases.configFile(target).toString(), dump.toString());
            double restoreSeconds = Backup.seconds(started);
            assertThat(restore.exit()).as(restore.err()).isZero();
            lines.add(String.format("smartcamp restore: %.1f s wall; %s", restoreSeconds, restore.out().strip()));
            lines.add("Restored database size " + size(databases, target, "pg_database_size(current_database())")
                + "; load average after " + loadAverage() + ".");
            Files.deleteIfExists(dump);
            Files.deleteIfExists(Manifest.pathOf(dump));
        }
        String text = String.join("\n\n", lines) + "\n";
        LOG.info("Backup and restore timing:\n{}", text);
        Files.writeString(Path.of("target", "backup-timing.md"), text);
    }

    private static String size(ScratchDatabases databases, String db, String expression) throws SQLException {
        try (Connection c = databases.connection(db).connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT pg_size_pretty(" + expression + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(ScratchDatabases databases, String db, String table) throws SQLException {
        try (Connection c = databases.connection(db).connect(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}

package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Locale;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.TestDatabase;

/**
 * Migrations on the database the tests are given. CI gives plain PostgreSQL and sets
 * {@code SMARTCAMP_TEST_EXPECT_ENGINE=postgresql}; run it against a TimescaleDB server with
 * {@code SMARTCAMP_TEST_EXPECT_ENGINE=timescaledb} to check the hypertable path.
 */
class SchemaMigratorIT {
    private TestDatabase db;
    private HikariDataSource ds;

    @BeforeEach
    void setUp() {
        db = TestDatabase.create("migrate");
        ds = DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password(), 2, null));
    }

    @AfterEach
    void tearDown() {
        ds.close();
        db.close();
    }

    @Test
    void aFreshDatabaseGetsTheWholeSchemaAndASecondRunDoesNothing() {
        MigrationReport first = SchemaMigrator.withRetention(null).migrate(ds);
        MigrationReport second = SchemaMigrator.withRetention(null).migrate(ds);

        MigrationInfo[] all = SchemaMigrator.configuration(ds).load().info().all();
        String latest = all[all.length - 1].getVersion().getVersion();
        assertThat(all.length).isGreaterThanOrEqualTo(3);
        assertThat(first.applied()).isEqualTo(all.length);
        assertThat(first.schemaVersion()).isEqualTo(latest);
        assertThat(second.applied()).isZero();
        assertThat(second.schemaVersion()).isEqualTo(latest);
        for (String table : new String[] {"missions", "camps", "assets", "metrics", "readings", "dead_letters",
            "gateways", "analytics_daily", "analytics_current", "analytics_events", "fuel_deliveries",
            "analytics_watermark"}) {
            assertThat(db.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + db.schema() + "' AND table_name = '" + table + "'")).as(table).isEqualTo(1);
        }
        assertThat(db.queryLong("SELECT count(*) FROM metrics WHERE registered")).isGreaterThanOrEqualTo(30);
    }

    @Test
    void theEngineIsDetectedAndItsTimeIndexingIsInPlace() {
        MigrationReport report = SchemaMigrator.withRetention(Duration.ofDays(400)).migrate(ds);

        String expected = System.getenv("SMARTCAMP_TEST_EXPECT_ENGINE");
        if (expected != null && !expected.isBlank()) {
            assertThat(report.engine().name()).isEqualTo(expected.toUpperCase(Locale.ROOT));
        }
        boolean timescale = db.queryLong("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == 1;
        assertThat(report.engine()).isEqualTo(timescale ? StorageEngine.TIMESCALEDB : StorageEngine.POSTGRESQL);
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + db.schema()
            + "' AND tablename = 'readings' AND indexdef LIKE '%brin (ts)%'")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + db.schema()
            + "' AND tablename = 'readings' AND indexdef LIKE '%brin (received_at)%'")).isEqualTo(1);
        for (String rollup : new String[] {"readings_hourly", "readings_daily"}) {
            assertThat(db.queryLong("SELECT count(*) FROM information_schema.columns WHERE table_schema = '"
                + db.schema() + "' AND table_name = '" + rollup + "' AND column_name IN ('asset_ref', 'metric_id',"
                + " 'bucket', 'samples', 'avg', 'min', 'max', 'first', 'last')")).as(rollup).isEqualTo(9);
            assertThat(db.queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                + db.schema() + "' AND table_name = '" + rollup + "' AND table_type = '"
                + (timescale ? "VIEW" : "BASE TABLE") + "'")).as(rollup).isEqualTo(1);
        }
        if (timescale) {
            assertThat(db.queryLong("SELECT count(*) FROM timescaledb_information.continuous_aggregates"
                + " WHERE view_schema = '" + db.schema() + "' AND materialized_only")).isEqualTo(2);
            assertThat(db.queryLong("SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_schema"
                + " = '" + db.schema() + "' AND hypertable_name = 'readings' AND compression_enabled")).isEqualTo(1);
            assertThat(policies("policy_compression")).isEqualTo(1);
            assertThat(policies("policy_retention")).isEqualTo(1);
        }
    }

    @Test
    void retentionFollowsTheConfigurationOnEveryMigration() {
        SchemaMigrator.withRetention(Duration.ofDays(30)).migrate(ds);
        MigrationReport off = SchemaMigrator.withRetention(null).migrate(ds);

        assertThat(off.retention()).isNull();
        if (off.engine() == StorageEngine.TIMESCALEDB) {
            assertThat(policies("policy_retention")).isZero();
            SchemaMigrator.withRetention(Duration.ofDays(90)).migrate(ds);
            assertThat(db.queryLong("SELECT extract(epoch FROM (config->>'drop_after')::interval)::bigint"
                + " FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' AND hypertable_schema = '"
                + db.schema() + "'")).isEqualTo(Duration.ofDays(90).toSeconds());
        } else {
            assertThat(off.engineVersion()).startsWith("PostgreSQL");
        }
    }

    private long policies(String proc) {
        return db.queryLong("SELECT count(*) FROM timescaledb_information.jobs WHERE proc_name = '" + proc
            + "' AND hypertable_schema = '" + db.schema() + "' AND hypertable_name = 'readings'");
    }
}

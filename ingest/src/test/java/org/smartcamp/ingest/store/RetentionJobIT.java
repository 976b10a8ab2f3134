package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Retention on plain PostgreSQL deletes what is older than the period; on TimescaleDB the policy does it. Personal
 * metrics' shorter retention is the job's on both engines.
 */
class RetentionJobIT {
    private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    private static MigratedStore store;
    private static TestDatabase db;
    private static HikariDataSource ds;

    @BeforeAll
    static void setUp() {
        store = MigratedStore.create("retention");
        db = store.db();
        ds = store.dataSource();
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void readingsOlderThanTheRetentionPeriodAreDeletedAndNewerOnesKept() {
        TopicAddress camp = new TopicAddress("m1", "c1", "gw-1");
        new CopyBatchWriter(ds, new AssetRegistry(ds)).write(WriterFixture.batch(WriterFixture.message(camp, 1, NOW,
            List.of(Reading.of("gen-1", "power.active", NOW.minus(Duration.ofDays(40)), 1),
                Reading.of("gen-1", "power.active", NOW.minus(Duration.ofDays(31)), 2),
                Reading.of("gen-1", "power.active", NOW.minus(Duration.ofDays(1)), 3)))));

        long deleted = new RetentionJob(ds, Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC)).run();

        boolean hypertable = db.queryLong("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == 1;
        assertThat(deleted).isEqualTo(hypertable ? 0 : 2);
        assertThat(db.queryLong("SELECT count(*) FROM readings")).isEqualTo(hypertable ? 3 : 1);
        assertThat(new RetentionJob(ds, null, Clock.systemUTC()).run()).isZero();
    }

    @Test
    void personalMetricsAreDeletedAfterTheirShorterRetentionOnEitherEngine() {
        try (MigratedStore own = MigratedStore.create("retention_personal")) {
            TopicAddress camp = new TopicAddress("m1", "c1", "gw-1");
            Instant old = NOW.minus(Duration.ofDays(10));
            new CopyBatchWriter(own.dataSource(), new AssetRegistry(own.dataSource())).write(WriterFixture.batch(
                WriterFixture.message(camp, 1, NOW, List.of(Reading.of("veh-1", "vehicle.lat", old, 12.5),
                    Reading.of("veh-1", "vehicle.lon", old, 3.5),
                    Reading.of("veh-1", "vehicle.lat", NOW.minus(Duration.ofDays(1)), 12.6),
                    Reading.of("veh-1", "vehicle.speed", old, 40)))));
            boolean hypertable = own.db().queryLong(
                "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == 1;
            if (!hypertable) {
                own.db().execute("INSERT INTO readings_hourly (asset_ref, metric_id, bucket, samples, avg)"
                    + " SELECT asset_ref, metric_id, date_trunc('hour', ts), 1, value FROM readings");
            }

            long deleted = new RetentionJob(own.dataSource(), Duration.ofDays(400), Duration.ofDays(7),
                Clock.fixed(NOW, ZoneOffset.UTC)).run();

            assertThat(deleted).as("the two old positions, not the old speed nor the new position").isEqualTo(2);
            assertThat(own.db().queryLong("SELECT count(*) FROM readings r JOIN metrics m ON m.id = r.metric_id"
                + " WHERE m.personal")).isEqualTo(1);
            assertThat(own.db().queryLong("SELECT count(*) FROM readings")).isEqualTo(2);
            if (!hypertable) {
                assertThat(own.db().queryLong("SELECT count(*) FROM readings_hourly h JOIN metrics m"
                    + " ON m.id = h.metric_id WHERE m.personal")).as("old hourly positions go too").isEqualTo(1);
                assertThat(own.db().queryLong("SELECT count(*) FROM readings_hourly")).isEqualTo(2);
            }
        }
    }
}

package org.smartcamp.ingest.store;

import org.smartcamp.platform.DataSources;
import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.store.WriterFixture.message;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;

/** Registry ids that never run out (issue 13, D3): wide identities, and no sequence value spent on known names. */
class RegistryIdsIT {
    private static final TopicAddress GATEWAY = new TopicAddress("m1", "c-a", "gw-1");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void thirtyThreeThousandNewMetricNamesInAFewMessagesAreAllRegisteredAndStored() {
        try (MigratedStore store = MigratedStore.create("ids33k")) {
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(),
                new AssetRegistry(store.dataSource(), RegistrationPolicy.UNLIMITED));
            int names = 33_000;
            List<ReceivedMessage> messages = new ArrayList<>();
            for (int first = 0; first < names; first += 5_000) {
                List<Reading> readings = new ArrayList<>();
                for (int i = first; i < Math.min(names, first + 5_000); i++) {
                    readings.add(Reading.of("a-gen", "flood.m" + i, T0, i));
                }
                messages.add(message(GATEWAY, first, T0, readings));
            }

            WriteResult result = writer.write(new WriteBatch(messages, List.of()));

            assertThat(result.stored()).isEqualTo(names);
            assertThat(store.db().queryLong("SELECT max(id) FROM metrics")).isGreaterThan(Short.MAX_VALUE);
            assertThat(store.db().queryLong("SELECT count(*) FROM readings r JOIN metrics m ON m.id = r.metric_id"
                + " WHERE m.name = 'flood.m32999' AND r.value = 32999")).isEqualTo(1);
        }
    }

    @Test
    void withTheDefaultQuotasAFloodOfNewNamesIsDeadLetteredBeyondTheGatewaysHourlyQuota() {
        try (MigratedStore store = MigratedStore.create("idsquota")) {
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(), new AssetRegistry(store.dataSource()));
            int quota = RegistrationPolicy.DEFAULT.newMetricsPerGatewayHour();
            long before = store.db().queryLong("SELECT count(*) FROM metrics");
            List<ReceivedMessage> messages = new ArrayList<>();
            for (int m = 0; m < 20; m++) {
                List<Reading> readings = new ArrayList<>();
                for (int i = 0; i < quota / 2; i++) {
                    readings.add(Reading.of("a-gen", "flood.m" + m + "." + i, T0, i));
                }
                readings.add(Reading.of("a-gen", "power.active", T0.plusSeconds(m), m));
                messages.add(message(GATEWAY, m, T0, readings));
            }

            WriteResult result = writer.write(new WriteBatch(messages, List.of()));

            assertThat(result.stored()).isEqualTo(2 * (quota / 2 + 1));
            assertThat(result.refused()).containsEntry(RejectReason.REGISTRATION_QUOTA, 18);
            assertThat(store.db().queryLong("SELECT count(*) FROM metrics")).isEqualTo(before + quota);
            assertThat(store.db().queryLong("SELECT count(*) FROM dead_letters WHERE reason_code ="
                + " 'registration_quota' AND detail LIKE '%gw-1%quota is " + quota + " an hour%'")).isEqualTo(18);
            WriteResult known = writer.write(new WriteBatch(List.of(message(GATEWAY, 99, T0, List.of(
                Reading.of("a-gen", "flood.m0.0", T0.plusSeconds(1), 1)))), List.of()));
            WriteResult nextHour = writer.write(new WriteBatch(List.of(message(GATEWAY, 100, T0.plusSeconds(3600),
                List.of(Reading.of("a-gen", "flood.m19.0", T0, 1)))), List.of()));
            assertThat(known.stored()).isEqualTo(1);
            assertThat(nextHour.stored()).isEqualTo(1);
        }
    }

    @Test
    void resolvingKnownNamesAfterEveryRefreshSpendsNoSequenceValue() {
        try (MigratedStore store = MigratedStore.create("idsrefresh")) {
            AssetRegistry registry = new AssetRegistry(store.dataSource());
            Map<String, String> units = new HashMap<>(Map.of("power.active", "kW", "site.custom", "x"));
            registry.camps(Map.of("c-a", "m1"));
            registry.metrics(units);
            registry.assets(Set.of(new AssetKey("c-a", "a-gen")), T0);
            long metricSeq = sequence(store, "metrics", "id");
            long assetSeq = sequence(store, "assets", "ref");

            for (int i = 0; i < 50; i++) {
                registry.refresh();
                registry.camps(Map.of("c-a", "m1"));
                registry.metrics(units);
                registry.assets(Set.of(new AssetKey("c-a", "a-gen")), T0);
            }

            assertThat(sequence(store, "metrics", "id")).isEqualTo(metricSeq);
            assertThat(sequence(store, "assets", "ref")).isEqualTo(assetSeq);
            registry.refresh();
            registry.metrics(Map.of("power.active", "kW", "site.other", "y"));
            assertThat(sequence(store, "metrics", "id")).isEqualTo(metricSeq + 1);
        }
    }

    @Test
    void migratingADatabaseOfTheEarlierSchemaWidensTheIdsInPlaceAndKeepsItsRows() {
        try (TestDatabase db = TestDatabase.create("idsmigrate");
             HikariDataSource ds = DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password(), 2,
                 null))) {
            SchemaMigrator.configuration(ds).target(lastBefore(ds, "7")).load()
                .migrate();
            assertThat(type(db, "metrics", "id")).isEqualTo("smallint");
            db.execute("INSERT INTO missions (id, name) VALUES ('m1', 'm1')");
            db.execute("INSERT INTO camps (id, mission_id, name) VALUES ('c-a', 'm1', 'c-a')");
            db.execute("INSERT INTO assets (id, camp_id, kind) VALUES ('a-gen', 'c-a', 'generator')");
            db.execute("INSERT INTO metrics (name, unit) VALUES ('site.custom', 'x')");
            int ref = (int) db.queryLong("SELECT ref FROM assets WHERE id = 'a-gen'");
            int metric = (int) db.queryLong("SELECT id FROM metrics WHERE name = 'site.custom'");
            db.execute("INSERT INTO readings (asset_ref, metric_id, ts, value, received_at) VALUES (" + ref + ", "
                + metric + ", '" + T0 + "', 42.5, now())");
            db.execute("INSERT INTO readings_hourly (asset_ref, metric_id, bucket, samples, avg) VALUES (" + ref
                + ", " + metric + ", '" + T0 + "', 1, 42.5)");

            SchemaMigrator.withRetention(null).migrate(ds);

            for (String[] column : new String[][] {{"metrics", "id"}, {"readings", "metric_id"},
                {"readings_hourly", "metric_id"}, {"readings_daily", "metric_id"}}) {
                assertThat(type(db, column[0], column[1])).as(column[0]).isEqualTo("integer");
            }
            assertThat(db.queryLong("SELECT count(*) FROM readings WHERE asset_ref = " + ref + " AND metric_id = "
                + metric + " AND value = 42.5")).isEqualTo(1);
            assertThat(db.queryLong("SELECT samples FROM readings_hourly WHERE metric_id = " + metric)).isEqualTo(1);
            assertThat(db.queryLong("SELECT id FROM metrics WHERE name = 'site.custom'")).isEqualTo(metric);
            db.execute("SELECT setval(pg_get_serial_sequence('metrics', 'id'), 40000)");
            assertThat(new AssetRegistry(ds).metrics(Map.of("site.wide", "x")).get("site.wide").id())
                .isEqualTo(40_001);
        }
    }

    /** The last migration before {@code version}: the schema a database had before it. */
    static String lastBefore(HikariDataSource ds, String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(SchemaMigrator.configuration(ds).load().info()
                .all())
            .map(MigrationInfo::getVersion).filter(v -> v.compareTo(limit) < 0).max(MigrationVersion::compareTo)
            .orElseThrow().getVersion();
    }

    private static String type(TestDatabase db, String table, String column) {
        return db.queryString("SELECT data_type FROM information_schema.columns WHERE table_schema = '"
            + db.schema() + "' AND table_name = '" + table + "' AND column_name = '" + column + "'");
    }

    private static long sequence(MigratedStore store, String table, String column) {
        return store.db().queryLong("SELECT last_value FROM pg_sequences WHERE schemaname = '" + store.db().schema()
            + "' AND sequencename = '" + table + "_" + column + "_seq'");
    }
}

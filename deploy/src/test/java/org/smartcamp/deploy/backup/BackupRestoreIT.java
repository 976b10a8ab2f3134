package org.smartcamp.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.deploy.bench.SeededCamps;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.store.MigrationReport;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * The restore drill, with the real tools: {@code smartcamp backup} of a database that the real ingest keeps writing
 * readings into (through the broker) while pg_dump runs, {@code smartcamp restore} into a new database, which must
 * hold exactly the manifest's rows (the dump and the manifest share one snapshot, whatever the ingest committed
 * meanwhile) and answer the API's routes with the same bodies as the source. And the refusals: a manifest that does
 * not match fails the restore naming the table, a database that holds tables is not restored into, a missing
 * pg_dump is named.
 */
class BackupRestoreIT {
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static ScratchDatabases databases;
    private static String source;
    private static List<SeededCamps.Camp> camps;
    private static Instant seededEnd;
    private static String apiKey;

    @BeforeAll
    static void seedASource() throws SQLException {
        databases = new ScratchDatabases();
        source = databases.create("src");
        seededEnd = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
        try (HikariDataSource ds = databases.dataSource(source)) {
            MigrationReport migration = SchemaMigrator.withRetention(null).migrate(ds);
            camps = SeededCamps.fill(ds, migration.engine(), 3, seededEnd, 20, 1, 120, line -> { });
            apiKey = ApiKeys.newSecret();
            try (Connection c = ds.getConnection()) {
                ApiKeyStore.insert(c, new ApiKeyRecord(ApiKeys.newId(), "restore drill", "logistics", List.of("*"),
                    List.of(), null, null, null), ApiKeys.hash(apiKey));
            }
        }
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void aBackupUnderIngestLoadRestoresExactlyItsSnapshotAndTheApiAnswersTheSame() throws Exception {
        Path dump = Files.createTempDirectory("smartcamp-backup").resolve("drill.dump");
        SeededCamps.Camp camp = camps.get(0);
        long loaded;
        Manifest manifest;
        try (Load load = new Load(camp)) {
            await().atMost(SETTLE).until(() -> load.stored() > 0);
            ScratchDatabases.Run backup = ScratchDatabases.smartcamp("backup", "-c",
                databases.configFile(source).toString(), "--out", dump.toString());
            assertThat(backup.exit()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("backup of " + source + " written: " + dump);
            manifest = Manifest.read(Manifest.pathOf(dump));
            long inSnapshot = manifest.table("public.readings").rows();
            await("the ingest went on writing after the snapshot").atMost(SETTLE)
                .until(() -> count(source, "SELECT count(*) FROM readings") > inSnapshot);
            loaded = load.stored();
        }
        assertThat(manifest.engine()).isIn(Manifest.POSTGRESQL, Manifest.TIMESCALEDB);
        assertThat(manifest.schemaVersion()).isNotBlank();
        assertThat(manifest.tables()).extracting(TableChecksums.TableSum::name)
            .contains("public.readings", "public.analytics_daily", "public.analytics_events", "public.camps",
                "public.flyway_schema_history");

        String target = databases.name("dst");
        ScratchDatabases.Run restore = ScratchDatabases.smartcamp("restore", "-c",
            databases.configFile(target).toString(), dump.toString());

        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("into " + target + " (created)", "counts and checksums equal");
        for (TableChecksums.TableSum t : manifest.tables()) {
            assertThat(count(target, "SELECT count(*) FROM " + t.name())).as(t.name()).isEqualTo(t.rows());
        }
        long restoredLoad = count(target, loadReadings(camp));
        assertThat(restoredLoad).as("readings of the load in the snapshot").isPositive()
            .isLessThan(count(source, loadReadings(camp))).isLessThanOrEqualTo(loaded);
        assertSameAnswers(source, target, camp);
    }

    @Test
    void aManifestThatDoesNotMatchFailsTheRestoreNamingTheTableAndAFullDatabaseIsRefused() throws Exception {
        Path dump = Files.createTempDirectory("smartcamp-backup").resolve("tampered.dump");
        assertThat(ScratchDatabases.smartcamp("backup", "-c", databases.configFile(source).toString(), "--out",
            dump.toString()).exit()).isZero();
        Path manifestFile = Manifest.pathOf(dump);
        JsonObject json = new JsonObject(Files.readString(manifestFile));
        json.getJsonArray("tables").stream().map(JsonObject.class::cast)
            .filter(t -> "public.analytics_events".equals(t.getString("name")))
            .forEach(t -> t.put("checksum", "12345"));
        Files.writeString(manifestFile, json.encodePrettily());
        String target = databases.name("tampered");
        String config = databases.configFile(target).toString();

        ScratchDatabases.Run restore = ScratchDatabases.smartcamp("restore", "-c", config, dump.toString());

        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.err()).contains("smartcamp: error: restore: verification failed: database " + target,
            "table public.analytics_events has the backup's").doesNotContain("public.readings");

        ScratchDatabases.Run again = ScratchDatabases.smartcamp("restore", "-c", config, dump.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("target database " + target + " is not empty", "--clean");

        ScratchDatabases.Run noTool = ScratchDatabases.smartcamp("backup", "-c", databases.configFile(source)
            .toString(), "--out", dump.resolveSibling("other.dump").toString(), "--pg-bin", "/nonexistent");
        assertThat(noTool.exit()).isEqualTo(1);
        assertThat(noTool.err()).contains("pg_dump not found in /nonexistent");
        assertThat(Files.exists(dump.resolveSibling("other.dump"))).isFalse();
    }

    private static String loadReadings(SeededCamps.Camp camp) {
        return "SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref WHERE a.camp_id = '" + camp.id()
            + "' AND a.id = '" + camp.generator() + "' AND r.ts > '" + seededEnd + "'";
    }

    /** The API on each database answers a few routes with the same bodies (status 200, non-trivial). */
    private static void assertSameAnswers(String source, String target, SeededCamps.Camp camp) throws Exception {
        String range = "from=" + seededEnd.minus(Duration.ofDays(20)) + "&to=" + seededEnd;
        List<String> routes = List.of("/api/v1/camps", "/api/v1/camps/" + camp.id(),
            "/api/v1/figures/daily?camp=" + camp.id() + "&" + range, "/api/v1/events?camp=" + camp.id() + "&" + range,
            "/api/v1/camps/" + camp.id() + "/fuel?" + range,
            "/api/v1/assets/" + camp.generator() + "/readings?metric=power.active&from="
                + seededEnd.minus(Duration.ofHours(6)) + "&to=" + seededEnd);
        Map<String, String> before = answers(source, routes);
        Map<String, String> after = answers(target, routes);
        assertThat(after).isEqualTo(before);
        assertThat(before.get(routes.get(3))).as("events").contains("\"kind\"");
        assertThat(before.get(routes.get(2))).as("daily figures").contains("\"figure\"");
    }

    private static Map<String, String> answers(String database, List<String> routes) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (HikariDataSource ds = databases.dataSource(database);
             ApiService api = new ApiService(ApiConfig.defaults(), ds, Clock.systemUTC())) {
            api.start();
            HttpClient http = HttpClient.newHttpClient();
            for (String route : routes) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api.url() + route))
                    .header("X-API-Key", apiKey).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(route + ": " + r.body()).isEqualTo(200);
                out.put(route, r.body());
            }
        }
        return out;
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = databases.connection(database).connect(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The ingest load: the real ingest, subscribed to the camp's mission, and a gateway publishing a message of 50
     * readings of the camp's generator each time the ingest has committed the one before, each reading 10 ms after
     * the one before.
     */
    private static final class Load implements AutoCloseable {
        private final IngestService ingest;
        private final Thread publisher;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Throwable> failures = new ArrayList<>();
        private final SeededCamps.Camp camp;

        Load(SeededCamps.Camp camp) {
            this.camp = camp;
            String id = Long.toString(System.nanoTime(), 36);
            ingest = new IngestService(IngestProcess.config(databases.jdbcUrl(source), TestServices.dbUser(),
                TestServices.dbPassword(), TestServices.mqttUrl(), "ingest-drill-" + id,
                TopicAddress.telemetryFilter(camp.mission()), 0), Clock.systemUTC());
            ingest.start();
            publisher = new Thread(() -> publish("gw-drill-" + id), "drill-gateway");
            publisher.start();
        }

        private void publish(String clientId) {
            String topic = new TopicAddress(camp.mission(), camp.id(), "drill-gw").telemetryTopic();
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
            try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), clientId, 10)) {
                for (long seq = 1; running.get(); seq++) {
                    List<Reading> readings = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        Instant ts = t0.plusMillis((seq * 50 + i) * 10);
                        readings.add(Reading.of(camp.generator(), "power.active", ts, 40 + (seq + i) % 17));
                    }
                    gateway.publish(topic, TelemetryEncoder.encode(new TelemetryBatch(seq, t0.plusMillis(seq * 500),
                        readings)));
                    // paced by the pipeline: the next message goes once the ingest has committed this one
                    long batches = seq;
                    await().atMost(SETTLE).pollInterval(Duration.ofMillis(20))
                        .until(() -> !running.get() || count(source, loadReadings(camp)) >= batches * 50);
                }
                gateway.flush();
            } catch (RuntimeException e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }

        long stored() throws SQLException {
            synchronized (failures) {
                assertThat(failures).as("the load's gateway").isEmpty();
            }
            return count(source, loadReadings(camp));
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            publisher.join(SETTLE.toMillis());
            ingest.stop(Duration.ofSeconds(30));
        }
    }
}

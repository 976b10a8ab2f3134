package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.store.WriterFixture.batch;
import static org.smartcamp.ingest.store.WriterFixture.message;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.wire.Quality;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;

/** The COPY writer against the real database: dedup, camp rules, units, registration, dead letters. */
class CopyBatchWriterIT {
    private static final String INVENTORY = """
        missions:
          - id: m1
            camps:
              - id: c-a
                assets:
                  - {id: a-gen, kind: generator, rated_kw: 100}
                  - {id: a-tank, kind: fuel_tank, capacity_l: 10000}
              - id: c-b
                assets:
                  - {id: b-gen, kind: generator, rated_kw: 60}
          - id: m2
            camps:
              - id: c-x
        """;
    private static final TopicAddress CAMP_A = new TopicAddress("m1", "c-a", "gw-1");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static MigratedStore store;
    private static TestDatabase db;
    private static HikariDataSource ds;
    private static CopyBatchWriter writer;

    @BeforeAll
    static void setUp() {
        store = MigratedStore.create("writer");
        db = store.db();
        ds = store.dataSource();
        new InventoryImporter(ds).importInventory(InventoryLoader.parse("fixture", INVENTORY));
        writer = new CopyBatchWriter(ds, new AssetRegistry(ds));
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void readingsAreStoredInTheMetricsCanonicalUnitWithTheirQuality() {
        WriteResult result = writer.write(batch(message(CAMP_A, 1, T0, List.of(
            new Reading("a-gen", "power.active", T0, 1500, "W", Quality.GOOD),
            new Reading("a-gen", "power.active", T0.plusSeconds(60), 42, "kW", Quality.UNCERTAIN),
            Reading.of("a-tank", "fuel.volume", T0, 8123.5)))));

        assertThat(result).isEqualTo(new WriteResult(3, 0, 0));
        assertThat(value("a-gen", "power.active", T0)).isEqualTo(1.5);
        assertThat(db.queryLong("SELECT quality FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = 'a-gen' AND r.ts = '" + T0.plusSeconds(60) + "'")).isEqualTo(1);
        assertThat(value("a-tank", "fuel.volume", T0)).isEqualTo(8123.5);
    }

    @Test
    void aReadingSeenBeforeOrTwiceInOneBatchIsStoredOnceAndTheFirstValueWins() {
        Instant t = T0.plusSeconds(3600);
        Reading first = Reading.of("a-gen", "power.active", t, 10);
        Reading again = Reading.of("a-gen", "power.active", t, 99);

        WriteResult one = writer.write(batch(message(CAMP_A, 2, T0, List.of(first, again))));
        WriteResult two = writer.write(batch(message(CAMP_A, 2, T0, List.of(first)),
            message(CAMP_A, 3, T0, List.of(again))));

        assertThat(one).isEqualTo(new WriteResult(1, 1, 0));
        assertThat(two).isEqualTo(new WriteResult(0, 2, 0));
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = 'a-gen' AND r.ts = '" + t + "'")).isEqualTo(1);
        assertThat(value("a-gen", "power.active", t)).isEqualTo(10);
    }

    @Test
    void anIdOfAnotherCampsAssetNamesTheTopicsCampsOwnAssetAndNeverWritesTheOtherCamps() {
        Instant t = T0.plusSeconds(7200);
        WriteResult result = writer.write(batch(message(CAMP_A, 4, T0, List.of(
            Reading.of("a-gen", "power.active", t, 5), Reading.of("b-gen", "power.active", t, 6)))));

        assertThat(result).isEqualTo(new WriteResult(2, 0, 0, Map.of()));
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = 'b-gen' AND a.camp_id = 'c-b'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = 'b-gen' AND a.camp_id = 'c-a' AND NOT a.registered")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = 'b-gen' AND camp_id = 'c-b'")).isEqualTo(1);
    }

    @Test
    void aTopicNamingACampOfAnotherMissionIsRefusedWhole() {
        TopicAddress wrongMission = new TopicAddress("m2", "c-a", "gw-1");
        WriteResult result = writer.write(batch(message(wrongMission, 5, T0, List.of(
            Reading.of("a-gen", "power.active", T0.plusSeconds(10_800), 5)))));

        assertThat(result).isEqualTo(new WriteResult(0, 0, 1, Map.of(RejectReason.UNKNOWN_CAMP, 1)));
        assertThat(deadLetter("unknown_camp")).contains("\"seq\":5");
    }

    @Test
    void unknownCampsAssetsAndMetricsAreRegisteredAsUnregisteredAndTheirReadingsKept() {
        TopicAddress newCamp = new TopicAddress("m1", "c-new", "gw-9");
        WriteResult result = writer.write(batch(message(newCamp, 1, T0, List.of(
            new Reading("new-pump", "pump.pressure", T0, 2.5, "bar", Quality.GOOD)))));

        assertThat(result.stored()).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM camps WHERE id = 'c-new' AND mission_id = 'm1'"
            + " AND NOT registered")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = 'new-pump' AND camp_id = 'c-new'"
            + " AND kind = 'unknown' AND NOT registered AND first_seen_at IS NOT NULL")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM metrics WHERE name = 'pump.pressure' AND unit = 'bar'"
            + " AND NOT registered")).isEqualTo(1);
    }

    @Test
    void aUnitOfAnotherQuantityIsDeadLettered() {
        WriteResult result = writer.write(batch(message(CAMP_A, 6, T0, List.of(
            new Reading("a-tank", "fuel.volume", T0.plusSeconds(60), 55, "%", Quality.GOOD)))));

        assertThat(result).isEqualTo(new WriteResult(0, 0, 1, Map.of(RejectReason.UNIT_MISMATCH, 1)));
        assertThat(deadLetter("unit_mismatch")).contains("\"unit\":\"%\"");
    }

    @Test
    void theSameBadInputRedeliveredIsDeadLetteredOnce() {
        DeadLetter bad = new DeadLetter(T0, CAMP_A.telemetryTopic(), "{\"seq\":".getBytes(StandardCharsets.UTF_8),
            RejectReason.MALFORMED_JSON, "unexpected end of input");
        writer.write(new WriteBatch(List.of(), List.of(bad)));
        writer.write(new WriteBatch(List.of(), List.of(bad, bad)));

        assertThat(db.queryLong("SELECT count(*) FROM dead_letters WHERE reason_code = 'malformed_json'"))
            .isEqualTo(1);
    }

    @Test
    void theGatewaysLatestSequenceAndMessageCountAreKept() {
        TopicAddress gateway = new TopicAddress("m1", "c-b", "gw-seq");
        writer.write(batch(message(gateway, 41, T0, List.of(Reading.of("b-gen", "power.active", T0, 1))),
            message(gateway, 42, T0.plusSeconds(1), List.of(Reading.of("b-gen", "power.active", T0.plusSeconds(1),
                1)))));

        assertThat(db.queryLong("SELECT last_seq FROM gateways WHERE camp_id = 'c-b' AND id = 'gw-seq'"))
            .isEqualTo(42);
        assertThat(db.queryLong("SELECT messages FROM gateways WHERE camp_id = 'c-b' AND id = 'gw-seq'"))
            .isEqualTo(2);
    }

    @Test
    void aBacklogResentAfterItsChunkWasCompressedIsStillStoredOnce() throws Exception {
        Instant old = T0.minus(java.time.Duration.ofDays(30));
        List<Reading> backlog = List.of(Reading.of("a-gen", "power.active", old, 7),
            Reading.of("a-gen", "power.active", old.plusSeconds(60), 8));
        writer.write(batch(message(CAMP_A, 7, T0, backlog)));
        long compressed = 0;
        if (db.queryLong("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'") == 1) {
            compressed = db.queryLong("SELECT count(compress_chunk(c, if_not_compressed => true))"
                + " FROM show_chunks('readings', older_than => TIMESTAMPTZ '" + T0.minus(java.time.Duration.ofDays(20))
                + "') c");
            assertThat(compressed).as("chunks compressed on TimescaleDB").isPositive();
        }

        WriteResult again = writer.write(batch(message(CAMP_A, 7, T0, backlog)));

        assertThat(again).isEqualTo(new WriteResult(0, 2, 0));
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = 'a-gen' AND r.ts < '" + T0.minus(java.time.Duration.ofDays(20)) + "'")).isEqualTo(2);
    }

    private static double value(String asset, String metric, Instant ts) {
        try (var c = db.connect(); var s = c.prepareStatement("SELECT r.value FROM readings r"
                + " JOIN assets a ON a.ref = r.asset_ref JOIN metrics m ON m.id = r.metric_id"
                + " WHERE a.id = ? AND m.name = ? AND r.ts = ?")) {
            s.setString(1, asset);
            s.setString(2, metric);
            s.setTimestamp(3, java.sql.Timestamp.from(ts));
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("reading %s %s %s stored", asset, metric, ts).isTrue();
                return rs.getDouble(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String deadLetter(String reason) {
        try (var c = db.connect(); var s = c.prepareStatement(
                "SELECT convert_from(payload, 'UTF8') FROM dead_letters WHERE reason_code = ?")) {
            s.setString(1, reason);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("a dead letter for %s", reason).isTrue();
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.store.WriterFixture.batch;
import static org.smartcamp.ingest.store.WriterFixture.message;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Batches written side by side against the real database ({@link CopyBatchWriter#open}): two open transactions
 * with their readings written at once, committed in order; batches that share a reading's key are not opened
 * side by side; an abandoned batch leaves nothing; a batch repeating committed readings still stores them once.
 */
class OpenBatchesIT {
    private static final String INVENTORY = """
        missions:
          - id: m1
            camps:
              - id: c-a
                assets:
                  - {id: a-gen, kind: generator, rated_kw: 100}
                  - {id: a-pv, kind: pv, rated_kwp: 50}
        """;
    private static final TopicAddress CAMP_A = new TopicAddress("m1", "c-a", "gw-1");
    private static final TopicAddress GATEWAY_2 = new TopicAddress("m1", "c-a", "gw-2");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static MigratedStore store;
    private static TestDatabase db;
    private static HikariDataSource ds;
    private static CopyBatchWriter writer;

    @BeforeAll
    static void setUp() {
        store = MigratedStore.create("open_batches");
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
    void twoBatchesWithoutACommonKeyAreWrittenSideBySideAndCommittedInOrder() throws Exception {
        Instant t = T0.plusSeconds(86_400);
        TelemetryStore.Prepared first = writer.prepare(batch(message(GATEWAY_2, 1, t,
            readings("a-gen", t, 0, 500))));
        TelemetryStore.Prepared second = writer.prepare(batch(message(GATEWAY_2, 2, t,
            readings("a-gen", t, 500, 500))));
        assertThat(writer.concurrent(first, second)).isTrue();

        // opened on two threads at once: each COPY runs in a transaction of its own, neither waits for the other
        CompletableFuture<TelemetryStore.Open> a = CompletableFuture.supplyAsync(() -> writer.open(first));
        CompletableFuture<TelemetryStore.Open> b = CompletableFuture.supplyAsync(() -> writer.open(second));
        TelemetryStore.Open openA = a.get(30, TimeUnit.SECONDS);
        TelemetryStore.Open openB = b.get(30, TimeUnit.SECONDS);
        assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND state = 'idle in transaction'")).as("both transactions open").isGreaterThanOrEqualTo(2);
        assertThat(count(t)).as("nothing visible before the commits").isZero();

        assertThat(openA.finish()).isEqualTo(new WriteResult(500, 0, 0));
        assertThat(count(t)).isEqualTo(500);
        assertThat(openB.finish()).isEqualTo(new WriteResult(500, 0, 0));
        assertThat(count(t)).isEqualTo(1_000);
        assertThat(db.queryLong("SELECT last_seq FROM gateways WHERE id = 'gw-2'")).isEqualTo(2);
    }

    @Test
    void batchesThatShareAReadingsKeyAreNotOpenedSideBySide() {
        Instant t = T0.plusSeconds(2 * 86_400);
        TelemetryStore.Prepared first = writer.prepare(batch(message(CAMP_A, 3, t, readings("a-gen", t, 0, 100))));
        TelemetryStore.Prepared overlapping = writer.prepare(batch(message(CAMP_A, 4, t,
            readings("a-gen", t, 99, 100))));
        TelemetryStore.Prepared otherMetric = writer.prepare(batch(message(CAMP_A, 5, t,
            readings("a-pv", t, 0, 100))));
        TelemetryStore.Prepared noReadings = writer.prepare(batch(message(CAMP_A, 6, t, List.of())));

        assertThat(writer.concurrent(first, overlapping)).isFalse();
        assertThat(writer.concurrent(overlapping, first)).isFalse();
        assertThat(writer.concurrent(first, otherMetric)).as("same times, another asset").isTrue();
        assertThat(writer.concurrent(first, noReadings)).isTrue();
    }

    @Test
    void anAbandonedBatchLeavesNothingAndIsWrittenWholeWhenOpenedAgain() {
        Instant t = T0.plusSeconds(3 * 86_400);
        TelemetryStore.Prepared prepared = writer.prepare(batch(message(CAMP_A, 7, t, readings("a-gen", t, 0, 50))));
        writer.open(prepared).abandon();
        assertThat(count(t)).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND state = 'idle in transaction'")).as("its transaction rolled back").isZero();

        assertThat(writer.open(prepared).finish()).isEqualTo(new WriteResult(50, 0, 0));
        assertThat(count(t)).isEqualTo(50);
    }

    @Test
    void aBatchRepeatingCommittedReadingsOpenedBesideAnotherStoresOnlyWhatIsNew() throws Exception {
        Instant t = T0.plusSeconds(4 * 86_400);
        writer.write(batch(message(CAMP_A, 8, t, readings("a-gen", t, 0, 100))));
        TelemetryStore.Prepared resent = writer.prepare(batch(message(CAMP_A, 8, t, readings("a-gen", t, 50, 100))));
        TelemetryStore.Prepared other = writer.prepare(batch(message(CAMP_A, 9, t, readings("a-pv", t, 0, 100))));
        assertThat(writer.concurrent(other, resent)).isTrue();

        TelemetryStore.Open openOther = writer.open(other);
        TelemetryStore.Open openResent = writer.open(resent);
        assertThat(openOther.finish()).isEqualTo(new WriteResult(100, 0, 0));
        assertThat(openResent.finish()).isEqualTo(new WriteResult(50, 50, 0));
        assertThat(count(t)).isEqualTo(250);
    }

    private static List<Reading> readings(String asset, Instant day, int from, int n) {
        String metric = asset.equals("a-pv") ? "pv.power" : "power.active";
        return java.util.stream.IntStream.range(from, from + n)
            .mapToObj(i -> Reading.of(asset, metric, day.plusSeconds(i), i)).toList();
    }

    private static long count(Instant day) {
        return db.queryLong("SELECT count(*) FROM readings WHERE ts >= '" + day + "' AND ts < '"
            + day.plusSeconds(86_400) + "'");
    }
}

package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.ingest.store.WriterFixture.batch;
import static org.smartcamp.ingest.store.WriterFixture.message;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * No squatting (issue 13, D13): juba1's gateway publishing bor1's asset {@code bor1-gen-7} before any inventory
 * names it neither keeps bor1's own readings out once bor1's inventory registers it, nor leaves juba1's values in
 * bor1's data.
 */
class SquattingIT {
    private static final TopicAddress JUBA1 = new TopicAddress("unmiss", "juba1", "gw-1");
    private static final TopicAddress BOR1 = new TopicAddress("unmiss", "bor1", "gw-1");
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String CAMPS = """
        missions:
          - id: unmiss
            camps:
              - id: juba1
              - id: bor1
        """;
    private static final String BOR1_INVENTORY = """
        missions:
          - id: unmiss
            camps:
              - id: juba1
              - id: bor1
                assets:
                  - {id: bor1-gen-7, kind: generator, rated_kw: 200}
        """;

    @Test
    void withAutoRegistrationTheInventoryMovesTheSquattersReadingsToQuarantineAndTheOwnerWritesOn() {
        try (MigratedStore store = MigratedStore.create("squat_on")) {
            InventoryImporter importer = new InventoryImporter(store.dataSource());
            importer.importInventory(InventoryLoader.parse("camps", CAMPS));
            AssetRegistry registry = new AssetRegistry(store.dataSource(), RegistrationPolicy.DEFAULT);
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(), registry);

            assertThat(writer.write(batch(message(JUBA1, 1, T0, List.of(gen7(T0, 11), gen7(T0.plusSeconds(60), 12)))))
                .stored()).isEqualTo(2);
            assertThat(campOf(store)).isEqualTo("juba1");

            InventoryImporter.ImportReport report = importer.importInventory(InventoryLoader.parse("bor1",
                BOR1_INVENTORY));
            registry.refresh();
            WriteResult own = writer.write(batch(message(BOR1, 1, T0, List.of(gen7(T0.plusSeconds(120), 99)))));

            assertThat(report.readingsQuarantined()).isEqualTo(2);
            assertThat(own.stored()).isEqualTo(1);
            assertThat(own.refused()).doesNotContainKey(RejectReason.ASSET_OF_OTHER_CAMP);
            assertThat(campOf(store)).isEqualTo("bor1");
            assertThat(values(store, "readings")).isEqualTo("99");
            assertThat(values(store, "quarantined_readings WHERE camp_id = 'juba1' AND reason LIKE"
                + " 'asset_of_other_camp: sent by camp ''juba1''%'")).isEqualTo("11,12");
        }
    }

    @Test
    void withoutAutoRegistrationTheAssetIsProvisionalAndTheInventoryReleasesOnlyItsOwnCampsReadings() {
        try (MigratedStore store = MigratedStore.create("squat_off")) {
            InventoryImporter importer = new InventoryImporter(store.dataSource());
            importer.importInventory(InventoryLoader.parse("camps", CAMPS));
            AssetRegistry registry = new AssetRegistry(store.dataSource(), new RegistrationPolicy(false, 100, 200,
                500, 1_000));
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(), registry);

            WriteResult squat = writer.write(batch(message(JUBA1, 1, T0, List.of(gen7(T0, 11)))));
            WriteResult owner = writer.write(batch(message(BOR1, 1, T0, List.of(gen7(T0.plusSeconds(60), 21)))));

            assertThat(squat.stored()).isZero();
            assertThat(owner.stored()).isZero();
            assertThat(owner.refused()).isEmpty();
            assertThat(store.db().queryString("SELECT status FROM assets WHERE id = 'bor1-gen-7'"))
                .isEqualTo("provisional");
            assertThat(values(store, "quarantined_readings")).isEqualTo("11,21");
            assertThat(importer.provisionalAssets()).containsExactly(
                new InventoryImporter.ProvisionalAsset("bor1-gen-7", "juba1", 2));

            importer.importInventory(InventoryLoader.parse("bor1", BOR1_INVENTORY));
            registry.refresh();
            WriteResult after = writer.write(batch(message(BOR1, 2, T0, List.of(gen7(T0.plusSeconds(120), 22)))));

            assertThat(after.stored()).isEqualTo(1);
            assertThat(campOf(store)).isEqualTo("bor1");
            assertThat(store.db().queryString("SELECT status FROM assets WHERE id = 'bor1-gen-7'")).isEqualTo("active");
            assertThat(values(store, "readings")).isEqualTo("21,22");
            assertThat(values(store, "quarantined_readings WHERE camp_id = 'juba1' AND reason LIKE"
                + " 'asset_of_other_camp%'")).isEqualTo("11");
            assertThat(importer.provisionalAssets()).isEmpty();
        }
    }

    @Test
    void aCampsInventoryPolicyWinsOverTheIngestsDefault() {
        try (MigratedStore store = MigratedStore.create("squat_camp")) {
            new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("camps", """
                missions:
                  - id: unmiss
                    camps:
                      - {id: juba1, auto_register: false}
                """));
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(),
                new AssetRegistry(store.dataSource(), RegistrationPolicy.DEFAULT));

            assertThat(writer.write(batch(message(JUBA1, 1, T0, List.of(gen7(T0, 1))))).stored()).isZero();
            assertThat(store.db().queryString("SELECT status FROM assets WHERE id = 'bor1-gen-7'"))
                .isEqualTo("provisional");
        }
    }

    private static Reading gen7(Instant ts, double kw) {
        return Reading.of("bor1-gen-7", "power.active", ts, kw);
    }

    private static String campOf(MigratedStore store) {
        return store.db().queryString("SELECT camp_id FROM assets WHERE id = 'bor1-gen-7'");
    }

    private static String values(MigratedStore store, String from) {
        return store.db().queryString("SELECT string_agg(value::text, ',' ORDER BY value) FROM " + from);
    }
}

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
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * No squatting (issue 13, D13), now that asset ids are unique within their camp only (issue 15): juba1's gateway
 * publishing an id that is bor1's asset {@code bor1-gen-7} registers juba1's own asset of that id; bor1's readings
 * are never refused for it, and juba1's values never reach bor1's data.
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
    void withAutoRegistrationAnotherCampsGatewayRegistersItsOwnAssetAndTheOwnerWritesOn() {
        try (MigratedStore store = MigratedStore.create("squat_on")) {
            InventoryImporter importer = new InventoryImporter(store.dataSource());
            importer.importInventory(InventoryLoader.parse("camps", CAMPS));
            AssetRegistry registry = new AssetRegistry(store.dataSource(), RegistrationPolicy.DEFAULT);
            CopyBatchWriter writer = new CopyBatchWriter(store.dataSource(), registry);

            assertThat(writer.write(batch(message(JUBA1, 1, T0, List.of(gen7(T0, 11), gen7(T0.plusSeconds(60), 12)))))
                .stored()).isEqualTo(2);
            assertThat(campsOf(store)).isEqualTo("juba1");

            InventoryImporter.ImportReport report = importer.importInventory(InventoryLoader.parse("bor1",
                BOR1_INVENTORY));
            registry.refresh();
            WriteResult own = writer.write(batch(message(BOR1, 1, T0, List.of(gen7(T0.plusSeconds(120), 99)))));

            assertThat(report.assetsAdded()).isEqualTo(1);
            assertThat(own.stored()).isEqualTo(1);
            assertThat(own.refused()).isEmpty();
            assertThat(campsOf(store)).isEqualTo("bor1,juba1");
            assertThat(values(store, "bor1")).isEqualTo("99");
            assertThat(values(store, "juba1")).isEqualTo("11,12");
            assertThat(store.db().queryString("SELECT string_agg(camp_id || ':' || registered, ',' ORDER BY camp_id)"
                + " FROM assets WHERE id = 'bor1-gen-7'")).isEqualTo("bor1:true,juba1:false");
        }
    }

    @Test
    void withoutAutoRegistrationEachCampsAssetIsProvisionalAndTheInventoryReleasesOnlyItsOwn() {
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
            assertThat(store.db().queryString("SELECT string_agg(camp_id || ':' || status, ',' ORDER BY camp_id)"
                + " FROM assets WHERE id = 'bor1-gen-7'")).isEqualTo("bor1:provisional,juba1:provisional");
            assertThat(quarantined(store)).isEqualTo("11,21");
            assertThat(importer.provisionalAssets()).containsExactly(
                new InventoryImporter.ProvisionalAsset("bor1-gen-7", "bor1", 1),
                new InventoryImporter.ProvisionalAsset("bor1-gen-7", "juba1", 1));

            importer.importInventory(InventoryLoader.parse("bor1", BOR1_INVENTORY));
            registry.refresh();
            WriteResult after = writer.write(batch(message(BOR1, 2, T0, List.of(gen7(T0.plusSeconds(120), 22)))));

            assertThat(after.stored()).isEqualTo(1);
            assertThat(store.db().queryString("SELECT status FROM assets WHERE camp_id = 'bor1' AND id = 'bor1-gen-7'"))
                .isEqualTo("active");
            assertThat(values(store, "bor1")).isEqualTo("21,22");
            assertThat(values(store, "juba1")).isNull();
            assertThat(quarantined(store)).as("juba1's stays held, with its provisional asset").isEqualTo("11");
            assertThat(importer.provisionalAssets()).containsExactly(
                new InventoryImporter.ProvisionalAsset("bor1-gen-7", "juba1", 1));
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
            assertThat(store.db().queryString("SELECT camp_id || ':' || status FROM assets WHERE id = 'bor1-gen-7'"))
                .isEqualTo("juba1:provisional");
        }
    }

    private static Reading gen7(Instant ts, double kw) {
        return Reading.of("bor1-gen-7", "power.active", ts, kw);
    }

    private static String campsOf(MigratedStore store) {
        return store.db().queryString("SELECT string_agg(camp_id, ',' ORDER BY camp_id) FROM assets"
            + " WHERE id = 'bor1-gen-7'");
    }

    private static String values(MigratedStore store, String camp) {
        return store.db().queryString("SELECT string_agg(r.value::text, ',' ORDER BY r.value) FROM readings r"
            + " JOIN assets a ON a.ref = r.asset_ref WHERE a.camp_id = '" + camp + "'");
    }

    private static String quarantined(MigratedStore store) {
        return store.db().queryString("SELECT string_agg(value::text, ',' ORDER BY value) FROM quarantined_readings");
    }
}

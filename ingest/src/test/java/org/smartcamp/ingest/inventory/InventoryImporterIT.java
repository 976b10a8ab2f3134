package org.smartcamp.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.AssetKey;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;

/** Importing an inventory into the real database: inserts, updates, and adopting auto-registered assets. */
class InventoryImporterIT {
    private static final String INVENTORY = """
        missions:
          - id: unmiss
            name: UN Mission in South Sudan
            camps:
              - id: juba1
                name: Juba
                latitude: 4.85
                longitude: 31.58
                analytics: {fuel.theftMinLitres: 30}
                assets:
                  - {id: juba1-gen-1, kind: generator, rated_kw: 500, fuel_curve: {f0: 0.05, f1: 0.25},
                     tank: juba1-tank-1, attributes: {serial: X1}, analytics: {power: {lowLoadFraction: 0.25}}}
                  - {id: juba1-tank-1, kind: fuel_tank, capacity_l: 50000, strapping: [[0, 0], [2500, 50000]]}
        """;
    private static MigratedStore store;
    private static TestDatabase db;
    private static HikariDataSource ds;

    @BeforeAll
    static void setUp() {
        store = MigratedStore.create("inventory");
        db = store.db();
        ds = store.dataSource();
    }

    @AfterAll
    static void tearDown() {
        store.close();
    }

    @Test
    void anInventoryIsInsertedThenUpdatedAndAdoptsAnAssetFirstSeenInTelemetry() {
        AssetRegistry registry = new AssetRegistry(ds);
        registry.camps(Map.of("juba1", "unmiss"));
        registry.assets(Set.of(new AssetKey("juba1", "juba1-tank-1")), Instant.parse("2026-11-01T00:00:00Z"));
        InventoryImporter importer = new InventoryImporter(ds);

        InventoryImporter.ImportReport first = importer.importInventory(InventoryLoader.parse("a.yaml", INVENTORY));
        InventoryImporter.ImportReport second = importer.importInventory(InventoryLoader.parse("a.yaml",
            INVENTORY.replace("rated_kw: 500", "rated_kw: 400")));

        assertThat(first).isEqualTo(new InventoryImporter.ImportReport(0, 1, 0, 1, 1, 1, 0));
        assertThat(second).isEqualTo(new InventoryImporter.ImportReport(0, 1, 0, 1, 0, 2, 0));
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE registered")).isEqualTo(2);
        assertThat(db.queryLong("SELECT rated_kw FROM assets WHERE id = 'juba1-gen-1'")).isEqualTo(400);
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = 'juba1-tank-1' AND kind = 'fuel_tank'"
            + " AND strapping = '[[0.0, 0.0], [2500.0, 50000.0]]'::jsonb AND first_seen_at IS NOT NULL")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM camps WHERE id = 'juba1' AND registered AND name = 'Juba'"
            + " AND attributes = '{\"analytics\": {\"fuel.theftMinLitres\": \"30\"}}'::jsonb")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM assets WHERE id = 'juba1-gen-1'"
            + " AND supply_tank_id = 'juba1-tank-1' AND attributes = '{\"serial\": \"X1\","
            + " \"analytics\": {\"power.lowLoadFraction\": \"0.25\"}}'::jsonb")).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM missions WHERE registered AND name = 'UN Mission in South"
            + " Sudan'")).isEqualTo(1);
    }
}

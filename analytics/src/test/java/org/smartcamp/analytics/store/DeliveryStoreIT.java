package org.smartcamp.analytics.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.fuel.Delivery;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** Delivery notes name a tank of a camp: tank ids are unique within their camp only (issue 15). */
class DeliveryStoreIT {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aTankIdThatTwoCampsHaveNeedsItsCampAndEachCampReadsItsOwnDeliveries() {
        try (MigratedStore store = MigratedStore.create("deliveries")) {
            new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("two.yaml", """
                missions: [{id: m, camps: [{id: ca, assets: [{id: ft-1, kind: fuel_tank, capacity_l: 1000},
                  {id: ca-only, kind: fuel_tank, capacity_l: 500}]},
                  {id: cb, assets: [{id: ft-1, kind: fuel_tank, capacity_l: 2000}]}]}]
                """));
            DeliveryStore deliveries = new DeliveryStore(store.dataSource());

            assertThatThrownBy(() -> deliveries.record(List.of(note(null, "ft-1", 100), note("cb", "ca-only", 5),
                note(null, "ghost", 1)))).isInstanceOf(IllegalArgumentException.class).hasMessage(
                    "not registered fuel tanks: cb/ca-only, ghost; fuel tanks of several camps, give camp_id: ft-1"
                        + " (camps ca, cb)");
            int written = deliveries.record(List.of(note("ca", "ft-1", 100), note("cb", "ft-1", 700),
                note(null, "ca-only", 50)));

            assertThat(written).isEqualTo(3);
            assertThat(deliveries.deliveries("cb", List.of("ft-1"), T0, T0.plusSeconds(60)))
                .extracting(Delivery::litres).containsExactly(700.0);
            assertThat(deliveries.deliveries("ca", List.of("ft-1", "ca-only"), T0, T0.plusSeconds(60)))
                .extracting(Delivery::litres).containsExactlyInAnyOrder(100.0, 50.0);
        }
    }

    private static DeliveryStore.Note note(String camp, String tank, double litres) {
        return new DeliveryStore.Note(camp, new Delivery(tank, T0, litres, null));
    }
}

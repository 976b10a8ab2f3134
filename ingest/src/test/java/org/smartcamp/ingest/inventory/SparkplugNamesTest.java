package org.smartcamp.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkplugNamesTest {
    private static final String INVENTORY = """
        sparkplug:
          metrics: {"Engine/Power": power.active}
        missions:
          - id: unmiss
            camps:
              - id: juba1
                sparkplug: {group: Plant A, edgeNode: EN-7}
                assets:
                  - {id: juba1-gen-1, kind: generator, rated_kw: 100, sparkplug: {device: Genset 1}}
                  - {id: juba1-gen-2, kind: generator, rated_kw: 100}
              - id: wau1
                assets:
                  - {id: wau1-gen-1, kind: generator, rated_kw: 100, sparkplug: {device: G1}}
        """;

    @Test
    void theInventoryNamesEdgeNodesDevicesAndMetrics() {
        SparkplugNames names = InventoryLoader.parse("t.yaml", INVENTORY).sparkplug();

        assertThat(names.camps()).isEqualTo(Map.of("Plant A/EN-7", "unmiss/juba1"));
        assertThat(names.devices()).isEqualTo(Map.of("Plant A/EN-7/Genset 1", "juba1-gen-1",
            "unmiss/wau1/G1", "wau1-gen-1"));
        assertThat(names.metrics()).isEqualTo(Map.of("Engine/Power", "power.active"));
    }

    @Test
    void aBadNameIsRefusedWithItsField() {
        assertThatThrownBy(() -> InventoryLoader.parse("t.yaml", INVENTORY.replace("edgeNode: EN-7", "edgeNode: a/b")))
            .isInstanceOf(InventoryException.class).hasMessageContaining("sparkplug.edgeNode")
            .hasMessageContaining("is not a Sparkplug id");
        assertThatThrownBy(() -> InventoryLoader.parse("t.yaml", INVENTORY.replace("power.active}", "Power}")))
            .isInstanceOf(InventoryException.class).hasMessageContaining("Engine/Power");
        assertThatThrownBy(() -> InventoryLoader.parse("t.yaml", INVENTORY.replace("device: G1", "devize: G1")))
            .isInstanceOf(InventoryException.class).hasMessageContaining("devize");
    }

    @Test
    void twoCampsCannotBeTheSameEdgeNode() {
        String twice = INVENTORY.replace("      - id: wau1\n", "      - id: wau1\n        sparkplug: {group: Plant A,"
            + " edgeNode: EN-7}\n");
        assertThatThrownBy(() -> InventoryLoader.parse("t.yaml", twice)).isInstanceOf(InventoryException.class)
            .hasMessageContaining("already camp unmiss/juba1");
    }
}

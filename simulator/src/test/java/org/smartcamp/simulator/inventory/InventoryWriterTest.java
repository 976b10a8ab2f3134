package org.smartcamp.simulator.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.simulator.scenario.ScenarioLoader;

class InventoryWriterTest {
    @Test
    void theInventoryListsEveryAssetWithItsKindAndFigures() throws Exception {
        String yaml = InventoryWriter.yaml(ScenarioLoader.load("battalion-camp"));
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        JsonNode camp = root.at("/missions/0/camps/0");
        List<String> kinds = new ArrayList<>();
        camp.get("assets").forEach(a -> kinds.add(a.get("id").asText() + ":" + a.get("kind").asText()));

        assertThat(root.at("/missions/0/id").asText()).isEqualTo("unmiss");
        assertThat(camp.get("id").asText()).isEqualTo("juba1");
        assertThat(camp.get("population").asInt()).isEqualTo(850);
        assertThat(kinds).contains("juba1-gen-1:generator", "juba1-bulk-tank:fuel_tank", "juba1-pv-1:pv",
            "juba1-bat-1:battery", "juba1-water-1:water_tank", "juba1-wx:weather").hasSize(11);
        JsonNode gen = camp.get("assets").get(0);
        assertThat(gen.at("/rated_kw").asDouble()).isEqualTo(250);
        assertThat(gen.at("/fuel_curve/f1").asDouble()).isEqualTo(0.252);
        JsonNode bulk = camp.get("assets").get(4);
        assertThat(bulk.get("capacity_l").asDouble()).isEqualTo(60000);
        assertThat(bulk.get("strapping").get(13).get(1).asDouble()).isEqualTo(60000);
        assertThat(bulk.has("supply_tank")).isFalse();
    }

    @Test
    void generatorsNameTheirTankAndTheDayTankItsBulkTankAndTheImporterAcceptsIt() {
        Inventory inventory = InventoryLoader.parse("battalion.yaml",
            InventoryWriter.yaml(ScenarioLoader.load("battalion-camp")));
        Map<String, String> supply = new HashMap<>();
        inventory.missions().get(0).camps().get(0).assets().stream().filter(a -> a.supplyTankId() != null)
            .forEach(a -> supply.put(a.id(), a.supplyTankId()));

        assertThat(supply).containsOnly(Map.entry("juba1-gen-1", "juba1-day-tank"),
            Map.entry("juba1-gen-2", "juba1-day-tank"), Map.entry("juba1-gen-3", "juba1-day-tank"),
            Map.entry("juba1-gen-4", "juba1-day-tank"), Map.entry("juba1-day-tank", "juba1-bulk-tank"));
    }
}

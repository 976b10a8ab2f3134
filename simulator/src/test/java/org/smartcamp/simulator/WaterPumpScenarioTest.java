package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.inventory.Inventory;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.inventory.InventoryWriter;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;

/**
 * A water tank's pump named with an id is a {@code water_pump} asset of its own: in the inventory, and reporting
 * every default metric of its kind, with a flow on its curve and counters that agree with its flow and power.
 */
class WaterPumpScenarioTest {
    private static final Scenario SCENARIO = withPump();
    private static final String PUMP = SCENARIO.camp().assetId("wp-1");

    @Test
    void itReportsEveryDefaultMetricOfItsKind() {
        RecordingSink sink = new RecordingSink();
        Runs.run(SCENARIO, sink);

        for (Metric m : AssetKind.WATER_PUMP.defaultMetrics()) {
            List<Reading> readings = sink.readings(PUMP, m.wireName());
            assertThat(readings).as(m.wireName()).isNotEmpty();
            assertThat(readings).extracting(Reading::unit).as(m.wireName()).containsOnly(m.unit().symbol());
        }
    }

    @Test
    void itsFlowFollowsItsCurveAndItsCountersAgree() {
        RecordingSink sink = new RecordingSink();
        Runs.run(SCENARIO, sink);

        List<Reading> running = sink.readings(PUMP, "pump.running");
        assertThat(running).extracting(Reading::value).contains(0.0, 1.0);
        List<Double> flows = sink.readings(PUMP, "pump.flow_rate").stream().map(Reading::value).filter(v -> v > 0)
            .toList();
        // 3000 L/h at 40 m; the tank's 2 m at most add head, down to about 2700 L/h (1 % meter noise)
        assertThat(flows).isNotEmpty().allSatisfy(q -> assertThat(q).isBetween(2550.0, 3100.0));
        double litres = last(sink.readings(PUMP, "water.flow"));
        double kwh = last(sink.readings(PUMP, "energy.active"));
        assertThat(litres).isPositive();
        // about 3 kW per 3000 L/h at the duty point: 1 kWh per 1000 L, a little less on the curve's slower points
        assertThat(kwh / litres * 1000).isCloseTo(1.0, Percentage.withPercentage(8));
    }

    @Test
    void theInventoryListsItAsAWaterPump(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, InventoryWriter.yaml(SCENARIO));

        Inventory.Asset pump = InventoryLoader.load(file).missions().stream().flatMap(m -> m.camps().stream())
            .flatMap(c -> c.assets().stream()).filter(a -> a.id().equals(PUMP)).findFirst().orElseThrow();
        assertThat(pump.kind()).isEqualTo(AssetKind.WATER_PUMP);
        assertThat(pump.ratedKw()).isEqualTo(3.0);
    }

    private static Scenario withPump() {
        try {
            String yaml = Files.readString(Path.of("src/test/resources/scenarios/test-camp.yaml"));
            String named = yaml.replace("pump: {rate_lph: 3000,", "pump: {id: wp-1, head_m: 40, rate_lph: 3000,");
            assertThat(named).isNotEqualTo(yaml);
            return ScenarioLoader.parse(named, "test-camp with a water pump");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double last(List<Reading> readings) {
        return readings.get(readings.size() - 1).value();
    }
}

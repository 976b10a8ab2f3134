package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.scenario.GeneratorSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.GeneratorTotals;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TankFlow;

/** Fuel burned is the fuel curve integrated over the dispatched load, and every tank's litres add up. */
class FuelBalanceTest {
    private static final Scenario SCENARIO = ScenarioLoader.load("test-camp");

    @Test
    void fuelBurnedIsTheIntegralOfTheFuelCurveOverTheReportedLoad() {
        RecordingSink sink = new RecordingSink();
        GroundTruth truth = Runs.run(SCENARIO, sink).truth();

        for (GeneratorSpec g : SCENARIO.plant().generators()) {
            String asset = SCENARIO.camp().assetId(g.id());
            // The controller's counters at the end of the run: energy (kWh) and running hours.
            double kwh = last(sink.readings(asset, "energy.active"));
            double hours = last(sink.readings(asset, "engine.hours"));
            double integral = g.curve().f0() * g.ratedKw() * hours + g.curve().f1() * kwh;
            GeneratorTotals totals = truth.generatorTotals(asset);

            assertThat(totals.runHours()).as(asset + " ran").isGreaterThan(0.5);
            assertThat(totals.fuelL()).as(asset + " fuel vs curve").isCloseTo(integral, Percentage.withPercentage(0.1));
            assertThat(last(sink.readings(asset, "fuel.used"))).as(asset + " flow meter")
                .isCloseTo(totals.fuelL(), Percentage.withPercentage(0.1));
        }
    }

    @Test
    void hourlyFuelOfTheGroundTruthSumsToTheTotal() {
        GroundTruth truth = Runs.run(SCENARIO, new RecordingSink()).truth();
        String asset = SCENARIO.camp().assetId("gen-1");

        double hourly = truth.generatorHourly(asset).values().stream().mapToDouble(GeneratorTotals::fuelL).sum();

        assertThat(truth.generatorHourly(asset)).hasSize(12);
        assertThat(hourly).isCloseTo(truth.generatorTotals(asset).fuelL(), within(1e-6));
    }

    @Test
    void everyTankBalancesOpeningReceiptsConsumptionAndClosing() {
        GroundTruth truth = Runs.run(SCENARIO, new RecordingSink()).truth();

        for (String local : List.of("bulk", "day")) {
            String asset = SCENARIO.camp().assetId(local);
            double opening = truth.tankVolumes(asset).get(truth.start());
            double closing = truth.tankVolumes(asset).get(truth.end());
            double in = flow(truth, asset, TankFlow.RECEIVED, TankFlow.TRANSFER_IN);
            double out = flow(truth, asset, TankFlow.CONSUMED, TankFlow.TRANSFER_OUT, TankFlow.DISPENSED,
                TankFlow.STOLEN, TankFlow.LEAKED);

            assertThat(closing).as(asset).isCloseTo(opening + in - out, within(1e-6));
        }
        double burned = SCENARIO.plant().generators().stream()
            .mapToDouble(g -> truth.generatorTotals(SCENARIO.camp().assetId(g.id())).fuelL()).sum();
        assertThat(truth.tankFlowTotal(SCENARIO.camp().assetId("day"), TankFlow.CONSUMED)).isCloseTo(burned,
            within(1e-6));
    }

    private static double flow(GroundTruth truth, String asset, TankFlow... flows) {
        double sum = 0;
        for (TankFlow f : flows) {
            sum += truth.tankFlowTotal(asset, f);
        }
        return sum;
    }

    private static double last(List<Reading> readings) {
        return readings.stream().max((a, b) -> a.ts().compareTo(b.ts())).orElseThrow().value();
    }
}

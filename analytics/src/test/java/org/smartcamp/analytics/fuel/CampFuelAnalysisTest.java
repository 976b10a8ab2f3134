package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.REFUEL_END;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.REFUEL_START;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/** A one-generator outpost over three days: 12 L/h on a flow meter, a 3000 L refuel noted as 3200 L. */
class CampFuelAnalysisTest {

    private static CampFuelReport analyse() {
        GeneratorReadings gen = new GeneratorReadings(Synthetic.counter(at(0), at(3 * 1440), MIN, 12),
            Series.empty(), Series.empty(), Series.empty(), Series.empty());
        TankReadings tank = new TankReadings(RefuelDetectorTest.readings(REFUEL_START, REFUEL_END, 3000, 1),
            Series.empty(), Series.empty());
        CampFuelInput input = new CampFuelInput("camp", FuelSettings.defaults(),
            List.of(new CampFuelInput.Generator(new GeneratorParams("gen", 60, 0.08, 0.25, true), gen, Map.of())),
            List.of(new CampFuelInput.Tank(RefuelDetectorTest.TANK, tank, Map.of("fuel.theftMinLitres", 50))),
            List.of(), List.of(new Delivery("tank", Instant.ofEpochMilli(REFUEL_START), 3200, "DN-7")),
            Instant.ofEpochMilli(at(3 * 1440 - 5)));
        return new CampFuelAnalysis().analyse(input);
    }

    @Test
    void theReportHoldsTheRefuelItsShortFillAndNoTheftOrLeak() {
        CampFuelReport report = analyse();
        assertThat(report.events()).extracting(e -> e.kind()).containsExactlyInAnyOrder(EventKind.REFUEL,
            EventKind.SHORT_FILL);
        assertThat(report.reconciliation().matches()).hasSize(1);
        assertThat(report.leaks().get("tank").days()).hasSize(3);
    }

    @Test
    void consumptionPerDayComesFromTheMeterAndTheTankLevelIsAFallback() {
        CampFuelReport report = analyse();
        List<ConsumptionBucket> days = report.campConsumption(Synthetic.T0, Synthetic.T0.plusMillis(2 * DAY),
            BucketSize.DAY);
        assertThat(days).hasSize(2).allSatisfy(d -> {
            assertThat(d.litres()).isCloseTo(288, within(1e-6));
            assertThat(d.coverage()).isEqualTo(1);
            assertThat(d.source()).isEqualTo(ConsumptionSource.FLOW_METER);
        });
        double level = report.fuelUse().get("gen").source(ConsumptionSource.TANK_LEVEL).delta(at(1440),
            at(2 * 1440));
        assertThat(level).as("refuel added back").isCloseTo(288, within(15.0));
    }

    @Test
    void daysOfSupplyForTheTankAndTheCampAgree() {
        CampFuelReport report = analyse();
        SupplyForecast tank = report.tankSupply().get("tank");
        // about 6000 - 12 * 72 + 3000 = 8136 L left at 288 L/day
        assertThat(tank.burnLitresPerDay()).isCloseTo(288, within(10.0));
        assertThat(tank.days()).isCloseTo(8136 / 288.0, within(1.0));
        assertThat(report.campSupply().days()).isCloseTo(tank.days(), within(0.2));
    }
}

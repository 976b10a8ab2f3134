package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * A generator that is its tank's only outlet burns 12 L/h for ten days while the fuel curve, fitted on another set,
 * expects 1 % less (below what the leak detector alarms on); from day four the tank also leaks 20 L/day. The
 * tank-level consumption must not count the leak as fuel burned (it had, +20 L a day, once the leak event covered
 * those days), and the curve's own bias, which the daily unexplained loss carries from the first day, must not be
 * read as part of the leak.
 */
class LeakCorrectedLevelTest {
    private static final int DAYS = 10;
    private static final long LEAK_FROM = at(3 * 1440);
    private static final double BURN = 12;
    private static final double LEAK = 20;

    private static double volume(long t) {
        double hours = (t - at(0)) / 3_600_000.0;
        double leakDays = Math.max(0, (t - LEAK_FROM) / (double) DAY);
        return 9_000 - BURN * hours - LEAK * leakDays;
    }

    private static CampFuelReport analyse() {
        // the curve over exact counters: 0.99 * 12 L/h = 0.08 * 60 * h + 0.25 * kWh
        double kw = (0.99 * BURN - 0.08 * 60) / 0.25;
        GeneratorReadings gen = new GeneratorReadings(Series.empty(),
            Synthetic.counter(at(0), at(DAYS * 1440), MIN, kw), Synthetic.counter(at(0), at(DAYS * 1440), MIN, 1),
            Series.empty(), Series.empty());
        TankReadings tank = new TankReadings(Synthetic.sample(at(0), at(DAYS * 1440), 5 * MIN,
            LeakCorrectedLevelTest::volume, 1, 7), Series.empty(), Series.empty());
        CampFuelInput input = new CampFuelInput("camp", FuelSettings.defaults(),
            List.of(new CampFuelInput.Generator(new GeneratorParams("gen", 60, 0.08, 0.25, false), gen, Map.of())),
            List.of(new CampFuelInput.Tank(TankParams.feeding("tank", 10_000, List.of("gen")), tank, Map.of())),
            List.of(), List.of(), Instant.ofEpochMilli(at(DAYS * 1440 - 5)));
        return new CampFuelAnalysis().analyse(input);
    }

    @Test
    void theTankLevelSourceLeavesTheDetectedLeakOut() {
        CampFuelReport report = analyse();

        List<DetectedEvent> leaks = report.events().stream().filter(e -> e.kind() == EventKind.LEAK).toList();
        assertThat(leaks).as("the leak is found").hasSize(1);
        for (int day = 1; day < DAYS - 1; day++) {
            double level = report.fuelUse().get("gen").source(ConsumptionSource.TANK_LEVEL)
                .delta(at(day * 1440), at((day + 1) * 1440));
            assertThat(level).as("day %d", day).isCloseTo(24 * BURN, within(0.01 * 24 * BURN));
        }
    }
}

package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.METER;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.REFUEL_END;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.REFUEL_START;
import static org.smartcamp.analytics.fuel.RefuelDetectorTest.TANK;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;

class TheftDetectorTest {
    private static final long THEFT = at(26 * 60);
    private final TheftDetector detector = new TheftDetector(FuelSettings.defaults());

    private static Series tank(long seed, double stolen) {
        return Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> RefuelDetectorTest.volume(t, 0, 0, 0)
            - Synthetic.ramp(t, THEFT, THEFT + 20 * MIN, stolen), 8, seed);
    }

    private List<DetectedEvent> thefts(Series litres) {
        return detector.detect(TANK, litres, Series.empty(), METER, List.of());
    }

    @Test
    void aLossTheMeterDoesNotExplainIsATheftWithItsLitres() {
        List<DetectedEvent> found = thefts(tank(1, 120));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).quantity()).isCloseTo(120, within(12.0));
        assertThat(found.get(0).evidence().figures()).containsKeys("level_before_l", "level_after_l",
            "expected_outflow_l", "threshold_l");
        assertThat(found.get(0).start().toEpochMilli()).isBetween(THEFT - 15 * MIN, THEFT + 15 * MIN);
    }

    @Test
    void consumptionTheMeterExplainsIsNoTheft() {
        // a second set burning 60 L/h for two hours, on the meter
        long from = at(40 * 60);
        Series level = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> RefuelDetectorTest.volume(t, 0, 0, 0)
            - Synthetic.ramp(t, from, from + 2 * HOUR, 120), 8, 2);
        Cumulative meter = Cumulative.weightedSum(List.of(METER, GeneratorConsumption.counter(Synthetic.sample(
            at(0), at(3 * 1440), MIN, t -> Synthetic.ramp(t, from, from + 2 * HOUR, 120), 0, 0),
            FuelSettings.defaults())), new double[] {1, 1});
        assertThat(detector.detect(TANK, level, Series.empty(), meter, List.of())).isEmpty();
        assertThat(detector.detect(TANK, level, Series.empty(), METER, List.of())).hasSize(1);
    }

    @Test
    void noTheftWhileATankerPumpsAndTheGaugeSloshes() {
        Random random = new Random(3);
        Series refuel = Synthetic.modify(RefuelDetectorTest.readings(REFUEL_START, REFUEL_END, 3000, 3),
            REFUEL_START, REFUEL_START + HOUR, (t, v) -> v + 300 * (2 * random.nextDouble() - 1));
        List<DetectedEvent> rises = new RefuelDetector(FuelSettings.defaults()).detect(TANK, refuel, METER);
        assertThat(rises).hasSize(1);
        assertThat(detector.detect(TANK, refuel, Series.empty(), METER, rises)).isEmpty();
    }

    @Test
    void stuckGaugesDropoutsAndSpikesAreNoThefts() {
        Random random = new Random(4);
        Series s = tank(4, 0);
        double stuckAt = s.value(s.indexAtOrAfter(at(600)));
        s = Synthetic.modify(s, at(600), at(780), (t, v) -> stuckAt);
        s = Synthetic.modify(s, at(1500), at(1620), (t, v) -> Double.NaN);
        s = Synthetic.modify(s, at(2400), at(2520), (t, v) -> random.nextDouble() < 0.2 ? v - 200 : v);
        assertThat(thefts(s)).isEmpty();
    }

    @Test
    void fuelShrinkingAsItCoolsIsNoTheftWhenTheTankReportsItsTemperature() {
        // 10 degC of cooling over two hours shrinks 6000 L by 48 L, 24 L within an hour
        long from = at(30 * 60);
        Series temperature = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN,
            t -> 35 - 10 * Synthetic.ramp(t, from, from + 2 * HOUR, 1), 0, 0);
        Series level = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> RefuelDetectorTest.volume(t, 0, 0, 0)
            * (1 - 0.0008 * 10 * Synthetic.ramp(t, from, from + 2 * HOUR, 1)), 2, 5);
        assertThat(detector.detect(TANK, level, temperature, METER, List.of())).isEmpty();
        assertThat(detector.detect(TANK, level, Series.empty(), METER, List.of()))
            .as("without the temperature the shrinkage cannot be told from a drain").hasSize(1);
    }

    @Test
    void aLossBelowTheMinimumIsNotReported() {
        Series quiet = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> RefuelDetectorTest.volume(t, 0, 0, 0)
            - Synthetic.ramp(t, THEFT, THEFT + 20 * MIN, 15), 1, 6);
        Series steady = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> 30, 0, 0);
        assertThat(detector.detect(TANK, quiet, steady, METER, List.of())).isEmpty();
        assertThat(new TheftDetector(FuelSettings.defaults().with(java.util.Map.of("fuel.theftMinLitres", 10)))
            .detect(TANK, quiet, steady, METER, List.of())).hasSize(1);
    }

    @Test
    void aVehicleSiphonedWhileItIsRefilledShowsBoth() {
        // 60 L siphoned from 02:00 to 02:20; the level falls below the refill mark and it is filled at 02:10
        VehicleParams truck = new VehicleParams("truck", 300);
        long siphon = at(120);
        long refill = at(130) + 30_000;
        Series pct = Synthetic.sample(at(0), at(360), MIN, t -> (100 - Synthetic.ramp(t, siphon, siphon + 20 * MIN,
            60) + (t >= refill ? 200 : 0)) / 3.0, 0.3, 7);
        VehicleReadings r = new VehicleReadings(pct, Synthetic.counter(at(0), at(360), MIN, 0), Series.empty());
        List<DetectedEvent> refuels = new RefuelDetector(FuelSettings.defaults()).detect(truck, r);
        assertThat(refuels).hasSize(1);
        assertThat(refuels.get(0).quantity()).isCloseTo(200, within(4.0));
        List<DetectedEvent> found = detector.detect(truck, r, refuels);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).quantity()).isCloseTo(60, within(6.0));
    }
}

package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/** Eight days of a tank read every 5 min with 5 L of noise, its generator burning 12 L/h on a flow meter. */
class LeakDetectorTest {
    private static final TankParams TANK = TankParams.feeding("tank", 10_000, List.of("gen"));
    private static final Cumulative METER = GeneratorConsumption.counter(Synthetic.counter(at(0), at(8 * 1440),
        MIN, 12), FuelSettings.defaults());
    private final LeakDetector detector = new LeakDetector(FuelSettings.defaults());

    private static Series tank(double leakPerDay, long leakFrom, long seed) {
        return Synthetic.sample(at(0), at(8 * 1440), 5 * MIN, t -> 8000 - 12.0 * (t - at(0)) / HOUR
            - (t > leakFrom ? leakPerDay * (t - leakFrom) / DAY : 0), 5, seed);
    }

    @Test
    void aLeakOfFifteenLitresADayIsFoundWithinThreeDaysWithItsStartAndRate() {
        long start = at(4 * 1440);
        LeakReport report = detector.detect(TANK, tank(15, start, 1), METER, List.of());
        assertThat(report.leaks()).hasSize(1);
        DetectedEvent leak = report.leaks().get(0);
        assertThat(leak.kind()).isEqualTo(EventKind.LEAK);
        assertThat(leak.start()).isEqualTo(Instant.ofEpochMilli(start));
        assertThat(leak.end()).isBeforeOrEqualTo(Instant.ofEpochMilli(start + 3 * DAY));
        assertThat(leak.quantity()).isCloseTo(15, within(3.0));
        assertThat(leak.unit()).isEqualTo("L/day");
        assertThat(report.days().get(5).litresPerDay()).isCloseTo(15, within(4.0));
    }

    @Test
    void noLeakNoAlarmAndTheDailyLossStaysNearZero() {
        LeakReport report = detector.detect(TANK, tank(0, 0, 2), METER, List.of());
        assertThat(report.leaks()).isEmpty();
        assertThat(report.days()).hasSize(8);
        for (DailyLoss d : report.days()) {
            assertThat(d.litresPerDay()).isCloseTo(0, within(4 * d.sd()));
            assertThat(d.coverage()).isGreaterThan(0.99);
        }
    }

    @Test
    void aDayWithoutDataIsAGapNotAZeroLoss() {
        long start = at(2 * 1440);
        Series s = Synthetic.modify(tank(15, start, 3), at(3 * 1440), at(4 * 1440), (t, v) -> Double.NaN);
        LeakReport report = detector.detect(TANK, s, METER, List.of());
        DailyLoss gap = report.days().get(3);
        assertThat(gap.litresPerDay()).isNaN();
        assertThat(gap.coverage()).isZero();
        assertThat(gap.cusum()).as("the CUSUM waits").isEqualTo(report.days().get(2).cusum());
        assertThat(report.leaks()).hasSize(1);
    }

    @Test
    void aRefuelsWindowIsCutOutOfItsDay() {
        long refuel = at(5 * 1440 + 600);
        Series s = Synthetic.sample(at(0), at(8 * 1440), 5 * MIN, t -> 8000 - 12.0 * (t - at(0)) / HOUR
            + Synthetic.ramp(t, refuel, refuel + HOUR, 2000), 5, 4);
        List<DetectedEvent> rises = new RefuelDetector(FuelSettings.defaults()).detect(TANK, s, METER);
        LeakReport report = detector.detect(TANK, s, METER, rises);
        assertThat(report.leaks()).isEmpty();
        assertThat(report.days().get(5).litresPerDay()).isCloseTo(0, within(10.0));
    }
}

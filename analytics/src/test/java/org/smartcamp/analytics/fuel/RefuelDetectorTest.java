package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.HOUR;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * A 10 000 L tank read every 5 min with 8 L of noise, its generator burning 12 L/h (flow meter), and a 3000 L
 * refuel from 34:00 to 34:45 (day two, 10:00).
 */
class RefuelDetectorTest {
    static final TankParams TANK = TankParams.feeding("tank", 10_000, List.of("gen"));
    static final long REFUEL_START = at(34 * 60);
    static final long REFUEL_END = at(34 * 60 + 45);
    static final Cumulative METER = GeneratorConsumption.counter(Synthetic.counter(at(0), at(3 * 1440), MIN, 12),
        FuelSettings.defaults());
    private final RefuelDetector detector = new RefuelDetector(FuelSettings.defaults());

    /** The true volume with a refuel of {@code litres} over {@code [from, to)}. */
    static double volume(long t, long from, long to, double litres) {
        return 6000 - 12.0 * (t - at(0)) / HOUR + Synthetic.ramp(t, from, to, litres);
    }

    static Series readings(long from, long to, double litres, long seed) {
        return Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> volume(t, from, to, litres), 8, seed);
    }

    private DetectedEvent only(List<DetectedEvent> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void aRefuelIsMeasuredFromQuietWindowsThroughSloshing() {
        Random random = new Random(9);
        Series sloshing = Synthetic.modify(readings(REFUEL_START, REFUEL_END, 3000, 1), REFUEL_START,
            REFUEL_START + HOUR, (t, v) -> v + 150 * (2 * random.nextDouble() - 1));
        DetectedEvent e = only(detector.detect(TANK, sloshing, METER));
        assertThat(e.kind()).isEqualTo(EventKind.REFUEL);
        assertThat(e.quantity()).isCloseTo(3000, within(30.0));
        assertThat(e.start()).isBetween(Instant.ofEpochMilli(REFUEL_START - 15 * MIN),
            Instant.ofEpochMilli(REFUEL_START + 15 * MIN));
        assertThat(e.end()).isBetween(Instant.ofEpochMilli(REFUEL_END - 15 * MIN),
            Instant.ofEpochMilli(REFUEL_END + 15 * MIN));
        assertThat(e.evidence().figures().get("level_before_l")).isCloseTo(volume(REFUEL_START, 0, 0, 0),
            within(30.0));
        assertThat(e.evidence().windowEnd()).as("the after window waits for the sloshing to end")
            .isAfterOrEqualTo(Instant.ofEpochMilli(REFUEL_START + HOUR));
        assertThat(e.evidence().readings()).isNotEmpty().hasSizeLessThanOrEqualTo(StepEvents.MAX_EVIDENCE_READINGS);
    }

    @Test
    void risesCloserThanTheMergeGapAreOneRefuel() {
        long pause = REFUEL_START + 25 * MIN;
        Series twoPumps = Synthetic.sample(at(0), at(3 * 1440), 5 * MIN, t -> volume(t, REFUEL_START, pause, 1500)
            + Synthetic.ramp(t, pause + 10 * MIN, pause + 35 * MIN, 1500), 8, 2);
        assertThat(only(detector.detect(TANK, twoPumps, METER)).quantity()).isCloseTo(3000, within(30.0));
    }

    @Test
    void aRiseBelowTwoPercentOfCapacityIsNoRefuel() {
        assertThat(detector.detect(TANK, readings(REFUEL_START, REFUEL_END, 150, 3), METER)).isEmpty();
    }

    @Test
    void aStuckGaugeOrADropoutAcrossTheRefuelOnlyMovesTheWindows() {
        Series base = readings(REFUEL_START, REFUEL_END, 3000, 4);
        double stuckAt = base.value(base.indexAtOrAfter(REFUEL_START - 30 * MIN));
        Series stuck = Synthetic.modify(base, REFUEL_START - 30 * MIN, REFUEL_START + 2 * HOUR, (t, v) -> stuckAt);
        Series dropout = Synthetic.modify(base, REFUEL_START - HOUR, REFUEL_START + 3 * HOUR, (t, v) -> Double.NaN);
        assertThat(only(detector.detect(TANK, stuck, METER)).quantity()).isCloseTo(3000, within(30.0));
        assertThat(only(detector.detect(TANK, dropout, METER)).quantity()).isCloseTo(3000, within(30.0));
    }

    @Test
    void spikesAreNoRefuels() {
        Random random = new Random(5);
        Series spiky = Synthetic.modify(readings(0, 0, 0, 5), at(600), at(900),
            (t, v) -> random.nextDouble() < 0.2 ? v + 300 : v);
        assertThat(detector.detect(TANK, spiky, METER)).isEmpty();
    }

    @Test
    void withoutConsumptionDataTheRefuelIsStillFound() {
        assertThat(only(detector.detect(TANK, readings(REFUEL_START, REFUEL_END, 3000, 6), Cumulative.empty()))
            .quantity()).isCloseTo(3000, within(60.0));
    }

    @Test
    void aDayTanksRisesAreTransfers() {
        TankParams day = new TankParams("day", 10_000, 0, null, List.of("gen"), "bulk", List.of());
        DetectedEvent e = only(detector.detect(day, readings(REFUEL_START, REFUEL_END, 3000, 7), METER));
        assertThat(e.evidence().explanation()).startsWith("The transfer from bulk added");
    }

    @Test
    void aVehicleFilledInOneGoWhileParked() {
        VehicleParams truck = new VehicleParams("truck", 300);
        Series pct = Synthetic.sample(at(0), at(600), MIN, t -> (t < at(300) ? 60 : 280) / 3.0, 0.3, 8);
        VehicleReadings r = new VehicleReadings(pct, Synthetic.counter(at(0), at(600), MIN, 0), Series.empty());
        DetectedEvent e = only(detector.detect(truck, r));
        assertThat(e.quantity()).isCloseTo(220, within(2.0));
        assertThat(e.evidence().metric()).isEqualTo("fuel.level_pct");
    }
}

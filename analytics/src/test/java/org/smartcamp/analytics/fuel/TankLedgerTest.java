package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.DAY;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.inventory.Inventory;

/**
 * A tank's daily account with known answers: a set with a flow meter burns 10 L/h from a tank read every minute with
 * 1 L of noise; a 2 000 L refuel on day 1, a 150 L theft on day 2 while the set runs, a 24 L/day leak from day 3.
 * With every movement known each day's residual is within a litre and inside its uncertainty; a movement left out
 * shows as exactly its litres of residual, flagged.
 */
class TankLedgerTest {
    private static final double BURN = 10;
    private static final long REFUEL = at(1440 + 600);
    private static final long THEFT = at(2 * 1440 + 1200);
    private static final long LEAK = at(3 * 1440);
    private static final double LEAK_PER_DAY = 24;

    private static double volume(long t) {
        double hours = (t - at(0)) / 3_600_000.0;
        double leak = t > LEAK ? LEAK_PER_DAY * (t - LEAK) / DAY : 0;
        return 6_000 - BURN * hours + Synthetic.ramp(t, REFUEL, REFUEL + 30 * MIN, 2000)
            - Synthetic.ramp(t, THEFT, THEFT + 20 * MIN, 150) - leak;
    }

    private static final Series LEVEL = Synthetic.sample(at(0), at(5 * 1440) + 1, MIN, TankLedgerTest::volume, 1, 5);
    private static final TankParams TANK = TankParams.feeding("tank", 10_000, List.of("gen"));

    private static TankLedger ledger(boolean theft, boolean leak) {
        List<DetectedEvent> in = List.of(Synthetic.event(EventKind.REFUEL, "tank", REFUEL, REFUEL + 30 * MIN, 2000));
        List<DetectedEvent> out = theft
            ? List.of(Synthetic.event(EventKind.THEFT, "tank", THEFT, THEFT + 20 * MIN, 150)) : List.of();
        List<LeakLoss> leaks = leak ? List.of(new LeakLoss(Instant.ofEpochMilli(LEAK),
            Instant.ofEpochMilli(at(5 * 1440)), LEAK_PER_DAY)) : List.of();
        List<DetectedEvent> all = new ArrayList<>(in);
        all.addAll(out);
        FuelSettings s = FuelSettings.defaults();
        FuelUse meter = new GeneratorConsumption(s).fuelUse(new GeneratorParams("gen", 60, 0.08, 0.25, true),
            new GeneratorReadings(Synthetic.counter(at(0), at(5 * 1440) + 1, MIN, BURN), Series.empty(),
                Series.empty(), Series.empty(), Series.empty()))
            .withError(ConsumptionSource.FLOW_METER, SourceError.meter(Synthetic.counter(at(0), at(60), MIN, BURN)));
        return new TankLedger("tank", TankLevelError.of(TANK, LEVEL, all, leaks, null, s), in, out, leaks,
            Map.of("gen", meter), List.of());
    }

    private static List<TankDay> days(TankLedger ledger) {
        return ledger.days(Instant.ofEpochMilli(at(1440)), Instant.ofEpochMilli(at(4 * 1440)));
    }

    @Test
    void everyMovementKnownLeavesAResidualWithinALitreAndItsUncertainty() {
        List<TankDay> days = days(ledger(true, true));

        assertThat(days).hasSize(3);
        for (TankDay d : days) {
            assertThat(d.consumedL()).as("%s", d.day()).isCloseTo(240, within(0.01));
            assertThat(d.residualL()).as("%s", d.day()).isCloseTo(0, within(1.0));
            assertThat(d.within()).as("%s", d.day()).isTrue();
            assertThat(d.sigmaL()).as("%s", d.day()).isBetween(0.2, 2.0);
            assertThat(d.consumers().get("gen").source()).isEqualTo(ConsumptionSource.FLOW_METER);
        }
        assertThat(days.get(0).inL()).isCloseTo(2000, within(1e-6));
        assertThat(days.get(1).theftsL()).isCloseTo(150, within(1e-6));
        assertThat(days.get(2).leakL()).isCloseTo(LEAK_PER_DAY, within(1e-6));
        assertThat(days.get(0).closingL()).isCloseTo(6_000 - 48 * BURN + 2000, within(1.0));
    }

    @Test
    void aTheftOrLeakLeftOutIsItsLitresOfResidualAndFlagged() {
        List<TankDay> noTheft = days(ledger(false, true));
        List<TankDay> noLeak = days(ledger(true, false));

        assertThat(noTheft.get(1).residualL()).isCloseTo(-150, within(1.0));
        assertThat(noTheft.get(1).verdict()).isEqualTo("unexplained_loss");
        assertThat(noTheft.get(0).within()).isTrue();
        assertThat(noLeak.get(2).residualL()).isCloseTo(-LEAK_PER_DAY, within(1.0));
        assertThat(noLeak.get(2).verdict()).isEqualTo("unexplained_loss");
    }

    @Test
    void aStrappingTableAddsItsInterpolationErrorWhereItsRowsBend() {
        // a horizontal cylinder's rows every 300 mm bend most near the bottom; a straight table has no such error
        StrappingTable round = new StrappingTable(List.of(point(0, 0), point(300, 520), point(600, 1420),
            point(900, 2500), point(1200, 3580), point(1500, 4480), point(1800, 5000)));
        StrappingTable straight = new StrappingTable(List.of(point(0, 0), point(1200, 2000)));

        assertThat(straight.interpolationSigma(1000)).isZero();
        // near the bottom: row 300 mm lies (520 - 710) = -190 L off the chord of its neighbours: 190 / 4 / sqrt(3)
        assertThat(round.interpolationSigma(400)).isCloseTo(190 / 4 / Math.sqrt(3), within(0.5));
        assertThat(round.interpolationSigma(2500)).isLessThan(round.interpolationSigma(400));
        // within one segment the errors at two levels mostly cancel: 100 L apart in the 520 L segment at the bottom
        assertThat(round.differenceSigma(300, 400)).isCloseTo(4 * 190 / 4 / Math.sqrt(3) / 520 * 100, within(0.01));
        assertThat(round.differenceSigma(400, 2000)).isCloseTo(Math.hypot(round.interpolationSigma(400),
            round.interpolationSigma(2000)), within(1e-9));
    }

    private static Inventory.StrappingPoint point(double mm, double litres) {
        return new Inventory.StrappingPoint(mm, litres);
    }
}

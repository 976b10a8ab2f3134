package org.smartcamp.analytics.fuel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.fuel.Synthetic.MIN;
import static org.smartcamp.analytics.fuel.Synthetic.at;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Cumulative;
import org.smartcamp.analytics.series.Series;

/**
 * A set that is its tank's only consumer burns 12 L/h for ten days; its fuel curve (a datasheet's) expects 3 % less;
 * the tank's gauge is noisy and a 3 000 L refuel lands on day four. Neither source alone gives every day within 1 %:
 * the curve is 3 % low on all of them, the tank level is disturbed on the refuel's day. Reconciled, the curve scaled
 * to the tank's fall over the quiet stretches is within 0.5 % on every day.
 */
class CalibratedCurveTest {
    private static final int DAYS = 10;
    private static final double BURN = 12;
    private static final long REFUEL = at(3 * 1440 + 600);

    private static double volume(long t) {
        double hours = (t - at(0)) / 3_600_000.0;
        double refuel = Synthetic.ramp(t, REFUEL, REFUEL + 40 * MIN, 3000);
        return 6_000 - BURN * hours + refuel;
    }

    private static FuelUse analyse() {
        return analyse(0.97).fuelUse().get("gen");
    }

    /** The camp with a curve that expects {@code share} of what the set burns. */
    private static CampFuelReport analyse(double share) {
        double kw = (share * BURN - 0.08 * 60) / 0.25;
        GeneratorReadings gen = new GeneratorReadings(Series.empty(),
            Synthetic.counter(at(0), at(DAYS * 1440), MIN, kw), Synthetic.counter(at(0), at(DAYS * 1440), MIN, 1),
            Series.empty(), Series.empty());
        TankReadings tank = new TankReadings(Synthetic.sample(at(0), at(DAYS * 1440), MIN,
            CalibratedCurveTest::volume, 6, 3), Series.empty(), Series.empty());
        CampFuelInput input = new CampFuelInput("camp", FuelSettings.defaults(),
            List.of(new CampFuelInput.Generator(new GeneratorParams("gen", 60, 0.08, 0.25, false), gen, Map.of())),
            List.of(new CampFuelInput.Tank(TankParams.feeding("tank", 10_000, List.of("gen")), tank,
                Map.of("fuel.leakMinLitresPerDay", 50))),
            List.of(), List.of(), Instant.ofEpochMilli(at(DAYS * 1440 - 5)));
        return new CampFuelAnalysis().analyse(input);
    }

    @Test
    void aCurveThreePercentOffAgainstACleanGaugeIsFlaggedAndTheCalibratedCurveWins() {
        CampFuelReport off = analyse(0.97);
        CampFuelReport right = analyse(1.0);
        int withinWithTheRightCurve = 0;

        for (int day = 5; day < DAYS - 1; day++) {
            Instant from = Instant.ofEpochMilli(at(day * 1440));
            Instant to = Instant.ofEpochMilli(at((day + 1) * 1440));
            FuelDay d = off.fuelUse().get("gen").explain(from, to);
            assertThat(d.bucket().source()).as("day %d", day).isEqualTo(ConsumptionSource.CALIBRATED_CURVE);
            assertThat(d.reason()).isEqualTo("calibrated_to_tank");
            assertThat(d.disagrees()).as("day %d: tank %s", day, d.bySource()).isTrue();
            assertThat(d.disagreement()).isCloseTo(0.03 * 24 * BURN, within(3.0));
            assertThat(d.reasonText()).contains("disagree");
            assertThat(d.sigmaL()).as("day %d", day).isBetween(0.01, 0.01 * 24 * BURN);
            assertThat(d.bySource().get(ConsumptionSource.TANK_LEVEL).sigmaL()).isBetween(0.1, 5.0);
            FuelDay fine = right.fuelUse().get("gen").explain(from, to);
            assertThat(fine.disagrees()).as("day %d with the right curve: %s", day, fine.bySource()).isFalse();
            TankDay account = off.ledgers().get("tank").day(from, to);
            assertThat(account.residualL()).as("day %d: the curve explains 3 %% less", day)
                .isCloseTo(-0.03 * 24 * BURN, within(3.0));
            assertThat(account.within()).isFalse();
            TankDay rightAccount = right.ledgers().get("tank").day(from, to);
            assertThat(Math.abs(rightAccount.residualL())).as("day %d", day).isLessThan(3 * rightAccount.sigmaL());
            withinWithTheRightCurve += rightAccount.within() ? 1 : 0;
        }
        // a 95 % interval: one day in twenty may fall outside it by chance (day 7: 1.97 sigma)
        assertThat(withinWithTheRightCurve).isGreaterThanOrEqualTo(DAYS - 1 - 5 - 1);
    }

    @Test
    void theCurveScaledToTheTanksQuietFallIsWithinHalfAPercentOnEveryDay() {
        FuelUse use = analyse();

        for (int day = 1; day < DAYS - 1; day++) {
            ConsumptionBucket b = use.bucket(Instant.ofEpochMilli(at(day * 1440)),
                Instant.ofEpochMilli(at((day + 1) * 1440)));
            double curve = use.source(ConsumptionSource.FUEL_CURVE).delta(at(day * 1440), at((day + 1) * 1440));
            assertThat(b.source()).as("day %d", day).isEqualTo(ConsumptionSource.CALIBRATED_CURVE);
            assertThat(b.litres()).as("day %d", day).isCloseTo(24 * BURN, within(0.005 * 24 * BURN));
            assertThat(curve).as("the curve alone, day %d", day).isCloseTo(0.97 * 24 * BURN, within(0.5));
        }
    }

    @Test
    void tooLittleQuietDataOrAnImplausibleRatioLeavesTheSourcesAsTheyAre() {
        assertThat(fit(20, 12, 12.5)).as("20 h of data").isEmpty();
        assertThat(fit(72, 12, 20)).as("67 % more than the curve").isEmpty();
        assertThat(fit(72, 12, 12.5).orElseThrow().factor()).isCloseTo(12.5 / 12, within(1e-6));
    }

    @Test
    void aStepTheDetectorsMissedIsCutOutOfItsStretchInsteadOfTiltingTheLine() {
        // 60 L gone in ten minutes, 30 h into a 72 h stretch, and 40 L ten minutes after the start (a piece's edge)
        java.util.function.LongToDoubleFunction steps = t -> Synthetic.ramp(t, at(30 * 60), at(30 * 60 + 10), 60)
            + Synthetic.ramp(t, at(10), at(20), 40);

        CurveCalibration.Fit f = fit(72, 12, 12, steps, 3).orElseThrow();

        // a line through the stretch would take 1.5 x 60 L over 864 L, about 9 %, as burn
        assertThat(f.factor()).isCloseTo(1.0, within(0.005));
    }

    /** The calibration of a curve of {@code curvePerHour} to a clean tank falling by {@code tankPerHour}. */
    private static java.util.Optional<CurveCalibration.Fit> fit(int hours, double curvePerHour, double tankPerHour) {
        return fit(hours, curvePerHour, tankPerHour, t -> 0, 0);
    }

    /** As above, with {@code lost} litres gone by each time (unseen by any detector) and gauge noise {@code sd}. */
    private static java.util.Optional<CurveCalibration.Fit> fit(int hours, double curvePerHour, double tankPerHour,
                                                              java.util.function.LongToDoubleFunction lost,
                                                              double sd) {
        FuelSettings s = FuelSettings.defaults();
        Cumulative curve = GeneratorConsumption.counter(Synthetic.counter(at(0), at(hours * 60), MIN, curvePerHour),
            s);
        Series volume = Synthetic.sample(at(0), at(hours * 60), MIN, t -> 6_000 - tankPerHour * (t - at(0))
            / 3_600_000.0 - lost.applyAsDouble(t), sd, 5);
        Cumulative level = LevelConsumption.of(volume, 10_000, List.of(), s);
        return CurveCalibration.fit(curve, level, CurveCalibration.Gauge.of(volume, 10_000, s), List.of());
    }
}

package org.smartcamp.analytics.power;

import org.smartcamp.analytics.store.DailyFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.power.Minutes.ALL;
import static org.smartcamp.analytics.power.Minutes.T0;
import static org.smartcamp.analytics.power.Minutes.at;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.ingest.catalogue.EventKind;

class GeneratorAnalyzerTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final GeneratorRating SET = new GeneratorRating("gen-a", 100, 0.08, 0.25);
    /** First hour at 25 kW (load factor 0.25), second at 80 kW (0.8). */
    private static final java.util.function.IntToDoubleFunction LOW_THEN_TARGET = i -> i < 60 ? 25 : 80;

    private static GeneratorReport analyze(GeneratorSignals s, int minutes, Map<String, String> overrides) {
        return new GeneratorAnalyzer(PowerSettings.of(overrides)).analyze(SET, s, T0, at(minutes));
    }

    @Test
    void countersGiveEnergyHoursLoadFactorAndFuelAgainstTheCurve() {
        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, ALL), 120, Map.of());
        GeneratorBucket t = r.total();

        assertThat(r.energyFromCounter()).isTrue();
        assertThat(t.energyKwh().value()).isCloseTo(105, EXACT);
        assertThat(t.runningHours().value()).isCloseTo(2, EXACT);
        assertThat(t.loadFactor().value()).isCloseTo(0.525, EXACT);
        assertThat(t.starts().value()).isZero();
        // 0.08 * 100 * 2 + 0.25 * 105
        assertThat(t.expectedFuelL().value()).isCloseTo(42.25, EXACT);
        assertThat(t.fuelL().value()).isCloseTo(42.25, within(1e-6));
        assertThat(t.sfc().value()).isCloseTo(42.25 / 105, within(1e-6));
        assertThat(t.energyKwh().coverage()).isEqualTo(1);
    }

    @Test
    void bandsHistogramAndTheLowLoadPenaltyFollowTheHours() {
        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, ALL), 120, Map.of());
        GeneratorBucket t = r.total();

        assertThat(t.lowLoadHours().value()).isCloseTo(1, EXACT);
        assertThat(t.wetStackingHours().value()).isCloseTo(1, EXACT);
        assertThat(t.targetBandHours().value()).isCloseTo(1, EXACT);
        assertThat(t.overloadHours().value()).isZero();
        // first hour: 0.08 * (100 * 1 - 25 / 0.75); the second is above the reference load
        assertThat(r.hourly().get(0).lowLoadPenaltyL().value()).isCloseTo(0.08 * (100 - 25 / 0.75), EXACT);
        assertThat(r.hourly().get(1).lowLoadPenaltyL().value()).isZero();
        assertThat(t.lowLoadPenaltyL().value()).isCloseTo(0.08 * (100 - 25 / 0.75), EXACT);
        assertThat(r.hourly().get(0).loadFactor().value()).isCloseTo(0.25, EXACT);
        assertThat(r.histogram().hours(2)).isCloseTo(1, EXACT);
        assertThat(r.histogram().hours(8)).isCloseTo(1, EXACT);
        assertThat(r.histogram().share(2)).isCloseTo(0.5, EXACT);
    }

    @Test
    void withoutCountersTheGaugesAndTheStateGiveTheSameAnswers() {
        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, false, ALL), 120, Map.of());

        assertThat(r.energyFromCounter()).isFalse();
        assertThat(r.hoursFromCounter()).isFalse();
        assertThat(r.total().energyKwh().value()).isCloseTo(105, EXACT);
        assertThat(r.total().runningHours().value()).isCloseTo(2, EXACT);
        assertThat(r.total().loadFactor().value()).isCloseTo(0.525, EXACT);
        assertThat(r.total().fuelL().value()).isCloseTo(42.25, EXACT);
    }

    @Test
    void aGapIsBridgedNotReadAsZeroAndLowersTheCoverage() {
        java.util.function.IntPredicate gap = i -> i < 70 || i >= 100;

        GeneratorReport counted = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, gap), 120,
            Map.of());
        GeneratorReport gauged = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, false, gap), 120,
            Map.of());

        assertThat(counted.total().energyKwh().value()).isCloseTo(105, EXACT);
        assertThat(counted.hourly().get(1).energyKwh().value()).isCloseTo(80, EXACT);
        // measured between readings: minutes 60-69 and 100-120 of the second hour
        assertThat(counted.hourly().get(1).energyKwh().coverage()).isCloseTo(29 / 60.0, EXACT);
        assertThat(gauged.total().energyKwh().value()).isCloseTo(105, EXACT);
        assertThat(gauged.total().energyKwh().coverage()).isCloseTo(0.75, EXACT);
        assertThat(gauged.total().runningHours().value()).isCloseTo(2, EXACT);
    }

    @Test
    void spikesInThePowerReadingsAreRemoved() {
        java.util.function.IntToDoubleFunction spiky = i -> i == 65 || i == 80 || i == 95 ? 140 : LOW_THEN_TARGET
            .applyAsDouble(i);
        GeneratorSignals clean = Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, false, ALL);
        GeneratorSignals s = new GeneratorSignals(Minutes.averaged(120, 1, spiky, ALL), clean.running(), null, null,
            null, clean.fuelRate(), null);

        GeneratorReport r = analyze(s, 120, Map.of());

        assertThat(r.spikesRemoved()).isEqualTo(3);
        assertThat(r.total().overloadHours().value()).isZero();
        assertThat(r.total().energyKwh().value()).isCloseTo(105, EXACT);
    }

    @Test
    void startsComeFromTheStateWithoutTheCounter() {
        java.util.function.IntToDoubleFunction onOffOn = i -> i < 30 || i >= 60 && i < 90 ? 50 : -1;

        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, onOffOn, 1, false, ALL), 120, Map.of());
        GeneratorReport counted = analyze(Minutes.generator(SET, 120, 1, onOffOn, 1, true, ALL), 120, Map.of());

        assertThat(r.total().starts().value()).isEqualTo(1);
        assertThat(counted.total().starts().value()).isEqualTo(1);
        assertThat(r.total().runningHours().value()).isCloseTo(1, EXACT);
        assertThat(r.total().loadFactor().value()).isCloseTo(0.5, EXACT);
    }

    @Test
    void aSustainedLowLoadIsAnEventWithItsLostFuel() {
        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, ALL), 120,
            Map.of("power.lowLoadMinDuration", "30m"));

        List<DetectedEvent> low = r.events().stream().filter(e -> e.kind() == EventKind.LOW_LOAD).toList();
        assertThat(low).hasSize(1);
        DetectedEvent e = low.get(0);
        // smoothed over 15 minutes, the load factor climbs above 0.4 four minutes before the step
        assertThat(e.start()).isEqualTo(T0);
        assertThat(e.end()).isEqualTo(at(57));
        assertThat(e.quantity()).isCloseTo(0.08 * (100 * 0.95 - 25 * 0.95 / 0.75), within(1e-6));
        assertThat(e.unit()).isEqualTo("L");
        assertThat(e.evidence().metric()).isEqualTo("power.active");
        assertThat(e.evidence().readings()).isNotEmpty();
        assertThat(e.evidence().figures()).containsEntry("wet_stacking_risk", 0.0);
        assertThat(analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, ALL), 120, Map.of()).events())
            .as("shorter than the default two hours").isEmpty();
    }

    @Test
    void aPrimeSetBeyondItsRatingPlusTheAllowanceIsOverloaded() {
        java.util.function.IntToDoubleFunction over = i -> i < 20 ? 115 : 50;

        GeneratorReport r = analyze(Minutes.generator(SET, 60, 1, over, 1, true, ALL), 60, Map.of());

        assertThat(r.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.OVERLOAD);
            assertThat(e.start()).isEqualTo(T0);
            assertThat(e.quantity()).isBetween(10 / 60.0, 20 / 60.0);
            assertThat(e.evidence().explanation()).contains("beyond its prime rating");
        });
        assertThat(r.total().overloadHours().value()).isCloseTo(20 / 60.0, EXACT);
        assertThat(r.total().highLoadHours().value()).isZero();
    }

    /**
     * Cycle charging (a PV-battery hybrid runs its set near full load to charge fast): hours between 90 % and 101 %
     * of the rating are the high-load band, not an overload.
     */
    @Test
    void cycleChargingNearFullLoadIsHighLoadNotOverload() {
        int minutes = 12 * 60;
        java.util.function.IntToDoubleFunction charging = i -> 90 + 11 * ((i * 7) % 12) / 11.0;

        GeneratorReport r = analyze(Minutes.generator(SET, minutes, 1, charging, 1, true, ALL), minutes, Map.of());

        assertThat(r.events()).noneMatch(e -> e.kind() == EventKind.OVERLOAD);
        // 91..100 kW are the high-load band (10 of every 12 minutes); 101 kW is above the rating but within the
        // meter tolerance and the prime allowance
        assertThat(r.total().highLoadHours().value()).isCloseTo(10, within(1e-6));
        assertThat(r.total().overloadHours().value()).isCloseTo(1, within(1e-6));
        assertThat(r.total().runningHours().value()).isCloseTo(12, within(1e-6));
    }

    @Test
    void aPrimeSetMayRunTenPercentAboveItsRatingForOneHourInTwelve() {
        java.util.function.IntToDoubleFunction fiftyMinutes = i -> i < 50 ? 106 : 70;
        java.util.function.IntToDoubleFunction twoHours = i -> i < 120 ? 106 : 70;

        GeneratorReport allowed = analyze(Minutes.generator(SET, 180, 1, fiftyMinutes, 1, true, ALL), 180, Map.of());
        GeneratorReport beyond = analyze(Minutes.generator(SET, 180, 1, twoHours, 1, true, ALL), 180, Map.of());
        GeneratorReport continuous = analyze(Minutes.generator(SET, 180, 1, fiftyMinutes, 1, true, ALL), 180,
            Map.of("power.ratingClass", "continuous"));

        assertThat(allowed.events()).noneMatch(e -> e.kind() == EventKind.OVERLOAD);
        assertThat(allowed.total().overloadHours().value()).isGreaterThan(0.8);
        assertThat(beyond.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.OVERLOAD);
            // the first hour above the rating is the allowance; the overload is what follows it
            assertThat(e.start()).isBetween(at(50), at(65));
            assertThat(e.end()).isBetween(at(110), at(125));
        });
        assertThat(continuous.events()).singleElement()
            .satisfies(e -> assertThat(e.kind()).isEqualTo(EventKind.OVERLOAD));
    }

    /**
     * A set that runs for one minute at a time (load-following dispatch of a second set): each run is one power
     * reading between stopped ones, which a spike filter alone would remove; the running state confirms it.
     */
    @Test
    void oneMinuteRunsConfirmedByTheRunningStateCount() {
        java.util.function.IntToDoubleFunction shortRuns = i -> i % 60 == 30 ? 60 : -1;

        GeneratorReport r = analyze(Minutes.generator(SET, 180, 1, shortRuns, 1, false, ALL), 180, Map.of());

        assertThat(r.total().runningHours().value()).isCloseTo(3 / 60.0, within(1e-9));
        assertThat(r.total().energyKwh().value()).isCloseTo(3.0, within(1e-9));
        assertThat(r.spikesRemoved()).isZero();
    }

    /** A lone spike while the set runs steadily is still removed: the running state does not confirm it. */
    @Test
    void aSpikeTheRunningStateDoesNotConfirmIsRemoved() {
        java.util.function.IntToDoubleFunction spike = i -> i == 90 ? 140 : 50;

        GeneratorReport r = analyze(Minutes.generator(SET, 180, 1, spike, 1, false, ALL), 180, Map.of());

        assertThat(r.spikesRemoved()).isEqualTo(1);
        assertThat(r.total().energyKwh().value()).isCloseTo(150, within(1e-6));
    }

    @Test
    void fuelAboveTheCurveForDaysIsSfcDegradation() {
        int days = 4 * 24 * 60;
        GeneratorReport worn = analyze(Minutes.generator(SET, days, 5, i -> 50, 1.2, true, ALL), days, Map.of());
        GeneratorReport fine = analyze(Minutes.generator(SET, days, 5, i -> 50, 1.05, true, ALL), days, Map.of());

        // per day the curve expects 0.08 * 100 * 24 + 0.25 * 1200 = 492 L
        assertThat(worn.daily()).hasSize(4);
        assertThat(worn.daily().get(0).expectedFuelL().value()).isCloseTo(492, within(1e-6));
        assertThat(worn.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.SFC_DEGRADATION);
            assertThat(e.quantity()).isCloseTo(4 * 0.2 * 492, within(1e-3));
            assertThat(e.start()).isEqualTo(T0);
            assertThat(e.end()).isEqualTo(at(days));
            assertThat(e.evidence().readings()).hasSize(4);
        });
        assertThat(fine.events()).isEmpty();
    }

    @Test
    void dailyFiguresCarryTheirCoverage() {
        GeneratorReport r = analyze(Minutes.generator(SET, 120, 1, LOW_THEN_TARGET, 1, true, ALL), 120, Map.of());

        assertThat(r.dailyFigures()).anySatisfy(f -> {
            assertThat(f.figure()).isEqualTo("energy_kwh");
            assertThat(f.value()).isCloseTo(105, EXACT);
            assertThat(f.coverage()).isEqualTo(1);
            assertThat(f.subjectId()).isEqualTo("gen-a");
        });
        assertThat(r.dailyFigures()).extracting(DailyFigure::figure).contains("load_factor_avg", "low_load_h",
            "low_load_fuel_penalty_l", "sfc_l_per_kwh");
    }
}

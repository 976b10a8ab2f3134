package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartcamp.analytics.power.Minutes.ALL;
import static org.smartcamp.analytics.power.Minutes.T0;
import static org.smartcamp.analytics.power.Minutes.at;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * The outage verdict on a hybrid camp whose battery reports its current every five minutes, as interval means, with
 * the idle noise of a real shunt (0.5 A sigma, one decimal) while it neither charges nor discharges: the noise of an
 * empty battery is not supply, a small real discharge is.
 */
class OutageDetectorTest {
    private static final GeneratorRating SET = new GeneratorRating("c1-gen", 100, 0.08, 0.25);
    private static final double VOLTS = 400;
    private static final int MINUTES = 600;

    /** The battery's current: {@code amps(i)} in minute {@code i} plus idle noise, one reading every 5 minutes. */
    private static BatterySignals battery(IntToDoubleFunction amps, Map<Integer, Double> forced) {
        Random random = new Random(7);
        double[] noise = new double[MINUTES + 1];
        for (int i = 0; i <= MINUTES; i += 5) {
            noise[i] = Math.round(5 * random.nextGaussian()) / 10.0;
        }
        forced.forEach((minute, value) -> noise[minute] = value);
        Series mean = Minutes.averaged(MINUTES, 5, amps, ALL);
        Series.Builder current = Series.builder();
        for (int k = 0; k < mean.size(); k++) {
            current.add(mean.time(k), mean.value(k) + noise[(int) ((mean.time(k) - T0.toEpochMilli()) / 60_000)]);
        }
        return new BatterySignals(current.build(), Minutes.gauge(MINUTES, 5, i -> VOLTS, ALL), null);
    }

    private static List<DetectedEvent> outages(IntToDoubleFunction setKw, BatterySignals battery,
                                               PowerSettings settings) {
        CampPlant plant = new CampPlant("c1", List.of(SET), List.of(), new CampPlant.Battery("c1-bat", 300, VOLTS));
        return outages(plant, new CampSignals(Map.of(SET.assetId(), Minutes.generator(SET, MINUTES, 1, setKw, 1,
            true, ALL)), Map.of(), battery), settings);
    }

    private static List<DetectedEvent> outages(CampPlant plant, CampSignals signals, PowerSettings settings) {
        return new CampPowerAnalyzer(settings).analyze(plant, signals, T0, at(MINUTES)).events().stream()
            .filter(e -> e.kind() == EventKind.OUTAGE).toList();
    }

    @Test
    void theNoiseOfAnEmptyBatteryDoesNotSplitTheOutage() {
        // the set breaks down at minute 120; the battery carries 45 kW until it is empty at minute 200; the camp is
        // dark until the set is back at minute 500. One idle reading of 1.5 A (0.6 kW at 400 V, three sigmas of the
        // shunt's noise) lies inside the outage: above a fixed 0.5 kW threshold, within the battery's noise floor.
        IntToDoubleFunction setKw = i -> i < 120 || i >= 500 ? 45 : -1;
        BatterySignals battery = battery(i -> i >= 120 && i < 200 ? 112.5 : 0, Map.of(350, 1.5));

        List<DetectedEvent> found = outages(setKw, battery, PowerSettings.defaults());

        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.assetId()).isEqualTo("c1");
            assertThat(e.start()).isEqualTo(at(200));
            assertThat(e.end()).isEqualTo(at(500));
        });
        // without the noise floor (the fixed threshold alone) the same reading splits the outage in two
        assertThat(outages(setKw, battery, PowerSettings.of(Map.of("power.supplyNoiseSigmas", "0")))).hasSize(2);
    }

    @Test
    void aSmallRealDischargeIsSupplyAndTheOutageAfterItIsFound() {
        // the set stops at minute 120 and the battery carries a night load of 3.2 kW (8 A, well above its 1 kW noise
        // floor and far below its rating) until it is empty at minute 300; dark until the set is back at minute 420
        IntToDoubleFunction setKw = i -> i < 120 || i >= 420 ? 30 : -1;
        BatterySignals battery = battery(i -> i >= 120 && i < 300 ? 8 : 0, Map.of());

        List<DetectedEvent> found = outages(setKw, battery, PowerSettings.defaults());

        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(at(300));
            assertThat(e.end()).isEqualTo(at(420));
        });
    }

    @Test
    void aOneMinuteRunOfTheSetEndsTheOutageAndTheNextOneStartsAfterIt() {
        // the battery is empty throughout; the set starts for one minute at 300 (a failed restart), then for good
        // at 420: two outages, the run between them counts
        IntToDoubleFunction setKw = i -> i < 120 || i == 300 || i >= 420 ? 40 : -1;
        BatterySignals battery = battery(i -> 0, Map.of());

        List<DetectedEvent> found = outages(setKw, battery, PowerSettings.defaults());

        assertThat(found).extracting(DetectedEvent::start).containsExactly(at(120), at(301));
        assertThat(found).extracting(DetectedEvent::end).containsExactly(at(300), at(420));
    }

    @Test
    void aStoppedSetsMeterOffsetIsNotSupply() {
        // the camp's only set is stopped from minute 120 to 480 (its running state says so) while its meter reads an
        // offset of 0.3 kW with 0.1 kW of noise, once 0.7 kW: the set's rest level and noise, not supply
        Random random = new Random(11);
        IntToDoubleFunction setKw = i -> i < 120 || i >= 480 ? 40 : -1;
        Series.Builder power = Series.builder();
        Series clean = Minutes.averaged(MINUTES, 1, i -> Math.max(0, setKw.applyAsDouble(i)), ALL);
        for (int k = 0; k < clean.size(); k++) {
            double offset = k == 300 ? 0.7 : 0.3 + Math.round(10 * random.nextGaussian()) / 100.0;
            power.add(clean.time(k), clean.value(k) > 0 ? clean.value(k) : offset);
        }
        GeneratorSignals set = new GeneratorSignals(power.build(),
            Minutes.gauge(MINUTES, 1, i -> setKw.applyAsDouble(i) >= 0 ? 1 : 0, ALL), null, null, null, null, null);
        CampPlant plant = new CampPlant("c1", List.of(SET), List.of(), null);

        CampSignals signals = new CampSignals(Map.of(SET.assetId(), set), Map.of(), null);

        assertThat(outages(plant, signals, PowerSettings.defaults())).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(at(120));
            assertThat(e.end()).isEqualTo(at(480));
        });
        // without the noise floor every noise reading above 0.5 kW splits it
        assertThat(outages(plant, signals, PowerSettings.of(Map.of("power.supplyNoiseSigmas", "0"))))
            .hasSizeGreaterThan(1);
    }
}

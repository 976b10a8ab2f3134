package org.smartcamp.analytics.power;

import org.smartcamp.analytics.store.DailyFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.smartcamp.analytics.power.Minutes.ALL;
import static org.smartcamp.analytics.power.Minutes.T0;
import static org.smartcamp.analytics.power.Minutes.at;

import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * A hybrid camp over three hours: the set carries 60 kW, then PV (40 kW) and the battery (10 kW) carry the load
 * while the set is off, then nothing supplies for half an hour (an outage) until the set restarts at 50 kW.
 */
class CampPowerAnalyzerTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final GeneratorRating SET = new GeneratorRating("c1-gen", 100, 0.08, 0.25);
    private static final CampPlant PLANT = new CampPlant("c1", List.of(SET), List.of(new CampPlant.Pv("c1-pv", 50)),
        new CampPlant.Battery("c1-bat", 100, 500));

    private static CampPowerReport hybridCamp() {
        IntToDoubleFunction gen = i -> i < 60 ? 60 : i >= 150 ? 50 : -1;
        IntToDoubleFunction pv = i -> i >= 60 && i < 120 ? 40 : 0;
        IntToDoubleFunction amps = i -> i >= 60 && i < 120 ? 20 : 0;
        CampSignals signals = new CampSignals(
            Map.of(SET.assetId(), Minutes.generator(SET, 180, 1, gen, 1, true, ALL)),
            Map.of("c1-pv", new PvSignals(Minutes.averaged(180, 1, pv, ALL),
                Minutes.counter(180, 1, 0, i -> pv.applyAsDouble(i) / 60, ALL))),
            new BatterySignals(Minutes.averaged(180, 1, amps, ALL), Minutes.gauge(180, 1, i -> 500, ALL), null));
        return new CampPowerAnalyzer(PowerSettings.defaults()).analyze(PLANT, signals, T0, at(180));
    }

    @Test
    void energyBySourceLoadAndRenewableFraction() {
        CampBucket t = hybridCamp().total();

        assertThat(t.generatorKwh().value()).isCloseTo(60 + 25, EXACT);
        assertThat(t.pvKwh().value()).isCloseTo(40, EXACT);
        assertThat(t.batteryDischargeKwh().value()).isCloseTo(10, EXACT);
        assertThat(t.batteryChargeKwh().value()).isZero();
        assertThat(t.loadKwh().value()).isCloseTo(135, EXACT);
        assertThat(t.renewableFraction().value()).isCloseTo(40 / 135.0, EXACT);
        assertThat(t.batteryCycles().value()).isCloseTo(0.1, EXACT);
        assertThat(t.loadKwh().coverage()).isEqualTo(1);
    }

    @Test
    void dieselDisplacedCountsPvEnergyAndTheHourTheSetCouldStayOff() {
        CampBucket t = hybridCamp().total();

        // 0.25 L/kWh * 40 kWh + 0.08 L/h/kW * 100 kW * 1 h
        assertThat(t.dieselDisplacedL().value()).isCloseTo(10 + 8, EXACT);
    }

    @Test
    void halfAnHourWithoutAnySourceIsAnOutage() {
        CampPowerReport r = hybridCamp();

        assertThat(r.events()).filteredOn(e -> e.kind() == EventKind.OUTAGE).singleElement().satisfies(e -> {
            assertThat(e.assetId()).isEqualTo("c1");
            assertThat(e.start()).isEqualTo(at(120));
            assertThat(e.end()).isEqualTo(at(150));
            assertThat(e.quantity()).isCloseTo(0.5, EXACT);
            assertThat(e.evidence().readings()).isNotEmpty();
        });
        OutageSummary o = r.outages();
        assertThat(o.outages()).isEqualTo(1);
        assertThat(o.downtimeHours()).isCloseTo(0.5, EXACT);
        assertThat(o.availability().value()).isCloseTo(2.5 / 3, EXACT);
        assertThat(o.mtbfHours()).isCloseTo(2.5, EXACT);
        assertThat(o.mttrHours()).isCloseTo(0.5, EXACT);
        assertThat(r.hourly().get(2).availability().value()).isCloseTo(0.5, EXACT);
        assertThat(r.hourly().get(2).outageHours().value()).isCloseTo(0.5, EXACT);
    }

    @Test
    void silenceIsNotAnOutage() {
        IntToDoubleFunction gen = i -> 60;
        java.util.function.IntPredicate dropout = i -> i < 30 || i >= 90;
        CampPlant plant = new CampPlant("c2", List.of(SET), List.of(), null);
        CampSignals signals = new CampSignals(Map.of(SET.assetId(),
            Minutes.generator(SET, 120, 1, gen, 1, true, dropout)), Map.of(), null);
        PowerSettings settings = PowerSettings.of(Map.of("power.maxBridge", "10m"));

        CampPowerReport r = new CampPowerAnalyzer(settings).analyze(plant, signals, T0, at(120));

        assertThat(r.outages().outages()).isZero();
        assertThat(r.outages().availability().value()).isEqualTo(1);
        // minutes 0-29 and 89-119 have a verdict (the averaged power reading at minute 90 stands for minute 89);
        // the silence between (beyond the bridge) has none
        assertThat(r.outages().availability().coverage()).isCloseTo(61.0 / 120, EXACT);
        assertThat(r.total().generatorKwh().value()).isCloseTo(120, EXACT);
    }

    @Test
    void aSlowerSourceTakingOverIsNoOutage() {
        // the set stops at minute 62 and the battery, reporting every 5 minutes, carries the load from then on
        CampPlant plant = new CampPlant("c3", List.of(SET), List.of(), new CampPlant.Battery("c3-bat", 100, 500));
        CampSignals signals = new CampSignals(
            Map.of(SET.assetId(), Minutes.generator(SET, 120, 1, i -> i < 62 ? 40 : -1, 1, true, ALL)), Map.of(),
            new BatterySignals(Minutes.gauge(120, 5, i -> i >= 62 ? 80 : 0, ALL), null, null));
        PowerSettings settings = PowerSettings.of(Map.of("power.outageMinDuration", "1m"));

        CampPowerReport r = new CampPowerAnalyzer(settings).analyze(plant, signals, T0, at(120));

        assertThat(r.outages().outages()).isZero();
        assertThat(r.outages().downtimeHours()).isZero();
    }

    @Test
    void dailyFiguresIncludeTheCampAndItsGenerators() {
        assertThat(hybridCamp().dailyFigures()).extracting(DailyFigure::subjectId).contains("c1", "c1-gen");
        assertThat(hybridCamp().dailyFigures()).filteredOn(f -> f.figure().equals("renewable_fraction"))
            .singleElement().satisfies(f -> assertThat(f.value()).isCloseTo(40 / 135.0, EXACT));
    }
}

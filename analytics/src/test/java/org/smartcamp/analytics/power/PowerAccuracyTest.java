package org.smartcamp.analytics.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.simulator.truth.GeneratorTotals;
import org.smartcamp.simulator.truth.GroundTruth;

/**
 * The power analytics against the simulator's ground truth, over every bundled scenario with three seeds each (a
 * week each, with their sensor faults: power spikes, dropouts, gateway outages with backlogs, resends). The issue's
 * target: load factor and running hours within 1 %.
 */
class PowerAccuracyTest {
    private static final Logger LOG = LoggerFactory.getLogger(PowerAccuracyTest.class);
    private static final Percentage ONE_PERCENT = Percentage.withPercentage(1);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    static Stream<Arguments> runs() {
        return SimulatedCamps.runs();
    }

    private static CampPowerReport analyze(SimulatedCamp c) {
        long cpu = CPU.getCurrentThreadCpuTime();
        CampPowerReport r = new CampPowerAnalyzer(PowerSettings.defaults()).analyze(SimulatedCamps.plant(c),
            SimulatedCamps.signals(c), c.truth().start(), c.truth().end());
        LOG.info("{} seed {}: camp analysed in {} ms CPU", c.scenario().header().name(), c.scenario().header().seed(),
            (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        return r;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void runningHoursLoadFactorEnergyAndFuelMatchTheTruth(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        for (GeneratorReport g : analyze(c).generators()) {
            GeneratorTotals truth = c.truth().generatorTotals(g.assetId());
            GeneratorBucket t = g.total();
            LOG.info("{} seed {} {}: hours {} / {}, load factor {} / {}, energy {} / {}, fuel {} / {}, starts {} / {}",
                scenario, seed, g.assetId(), t.runningHours().value(), truth.runHours(), t.loadFactor().value(),
                truth.loadFactor(g.rating().ratedKw()), t.energyKwh().value(), truth.energyKwh(), t.fuelL().value(),
                truth.fuelL(), t.starts().value(), truth.starts());
            assertThat(t.starts().value()).as(g.assetId() + " starts").isEqualTo(truth.starts());
            if (truth.runHours() == 0) {
                assertThat(t.runningHours().value()).as(g.assetId() + " never ran").isZero();
                assertThat(t.loadFactor().known()).isFalse();
                continue;
            }
            assertThat(t.runningHours().value()).as(g.assetId() + " hours").isCloseTo(truth.runHours(), ONE_PERCENT);
            assertThat(t.loadFactor().value()).as(g.assetId() + " load factor")
                .isCloseTo(truth.loadFactor(g.rating().ratedKw()), ONE_PERCENT);
            assertThat(t.energyKwh().value()).as(g.assetId() + " energy").isCloseTo(truth.energyKwh(), ONE_PERCENT);
            assertThat(t.fuelL().value()).as(g.assetId() + " fuel").isCloseTo(truth.fuelL(), ONE_PERCENT);
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void everyFullyCoveredHourMatchesTheTruth(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        int partial = 0;
        for (GeneratorReport g : analyze(c).generators()) {
            SortedMap<Instant, GeneratorTotals> truth = c.truth().generatorHourly(g.assetId());
            assertThat(g.hourly()).hasSize(truth.size());
            for (GeneratorBucket h : g.hourly()) {
                GeneratorTotals t = truth.get(h.start());
                if (h.runningHours().coverage() < 1) {
                    partial++;
                    continue;
                }
                // the counters are rounded to 0.001 h and 0.001 kWh
                assertThat(h.runningHours().value()).as(g.assetId() + " " + h.start()).isCloseTo(t.runHours(),
                    within(0.0015));
                assertThat(h.energyKwh().value()).as(g.assetId() + " " + h.start()).isCloseTo(t.energyKwh(),
                    within(0.0015));
                if (t.runHours() >= 0.5) {
                    assertThat(h.loadFactor().value()).as(g.assetId() + " " + h.start())
                        .isCloseTo(t.loadFactor(g.rating().ratedKw()), ONE_PERCENT);
                }
            }
        }
        boolean generatorDropout = c.truth().events().stream().anyMatch(e -> e.kind().equals("sensor_fault")
            && e.detail().startsWith("dropout") && e.asset().contains("gen"));
        assertThat(partial > 0).as("hours with a generator dropout are flagged as partial").isEqualTo(generatorDropout);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void withoutCountersTheGaugesAndStateStayWithinOnePercent(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        GeneratorAnalyzer analyzer = new GeneratorAnalyzer(PowerSettings.defaults());
        for (GeneratorRating rating : SimulatedCamps.plant(c).generators()) {
            String id = rating.assetId();
            GeneratorSignals gauges = new GeneratorSignals(c.series(id, "power.active"), c.series(id,
                "engine.running"), null, null, null, c.series(id, "fuel.rate"), null);
            GeneratorBucket t = analyzer.analyze(rating, gauges, c.truth().start(), c.truth().end()).total();
            GeneratorTotals truth = c.truth().generatorTotals(id);
            LOG.info("{} seed {} {} without counters: hours {} / {}, load factor {} / {}, energy {} / {}", scenario,
                seed, id, t.runningHours().value(), truth.runHours(), t.loadFactor().value(),
                truth.loadFactor(rating.ratedKw()), t.energyKwh().value(), truth.energyKwh());
            if (truth.runHours() > 0) {
                assertThat(t.runningHours().value()).as(id + " hours").isCloseTo(truth.runHours(), ONE_PERCENT);
                assertThat(t.loadFactor().value()).as(id + " load factor")
                    .isCloseTo(truth.loadFactor(rating.ratedKw()), ONE_PERCENT);
                assertThat(t.energyKwh().value()).as(id + " energy").isCloseTo(truth.energyKwh(), ONE_PERCENT);
                assertThat(t.fuelL().value()).as(id + " fuel from the rate").isCloseTo(truth.fuelL(), ONE_PERCENT);
            }
        }
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void campEnergyBySourceAndRenewableFraction(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        CampBucket t = analyze(c).total();
        Map<String, Double> truth = SimulatedCamps.campEnergy(c.truth());
        LOG.info("{} seed {}: generators {} / {}, PV {} / {}, discharge {} / {}, charge {} / {}, load {} / {}, "
            + "renewable {} / {}, diesel displaced {} L, battery cycles {}", scenario, seed, t.generatorKwh().value(),
            truth.get("generator_kwh"), t.pvKwh().value(), truth.get("pv_kwh"), t.batteryDischargeKwh().value(),
            truth.get("battery_discharge_kwh"), t.batteryChargeKwh().value(), truth.get("battery_charge_kwh"),
            t.loadKwh().value(), truth.get("load_kwh"), t.renewableFraction().value(),
            truth.get("pv_kwh") / truth.get("load_kwh"), t.dieselDisplacedL().value(), t.batteryCycles().value());
        assertThat(t.generatorKwh().value()).isCloseTo(truth.get("generator_kwh"), Percentage.withPercentage(0.1));
        assertThat(t.pvKwh().value()).isCloseTo(truth.get("pv_kwh"), within(0.001 * truth.get("pv_kwh") + 0.01));
        // the battery reports every 5 minutes while its power changes every 10-second step: sampling error
        assertThat(t.batteryDischargeKwh().value()).isCloseTo(truth.get("battery_discharge_kwh"),
            within(0.03 * truth.get("battery_discharge_kwh") + 0.01));
        assertThat(t.batteryChargeKwh().value()).isCloseTo(truth.get("battery_charge_kwh"),
            within(0.03 * truth.get("battery_charge_kwh") + 0.01));
        assertThat(t.loadKwh().value()).isCloseTo(truth.get("load_kwh"), Percentage.withPercentage(0.5));
        assertThat(t.renewableFraction().value()).isCloseTo(truth.get("pv_kwh") / truth.get("load_kwh"),
            within(0.002));
        assertThat(t.loadKwh().coverage()).isGreaterThan(0.98);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("runs")
    void gatewayOutagesDropoutsAndSpikesInventNoOutageOrOverload(String scenario, Long seed) {
        SimulatedCamp c = SimulatedCamps.camp(scenario, seed);
        GroundTruth truth = c.truth();
        CampPowerReport r = analyze(c);

        assertThat(truth.outages()).as("the scenario has gateway outages").isNotEmpty();
        assertThat(SimulatedCamps.campEnergy(truth).get("unserved_kwh")).isZero();
        assertThat(r.outages().outages()).isZero();
        assertThat(r.outages().availability().value()).isEqualTo(1);
        assertThat(r.outages().availability().coverage()).isGreaterThan(0.98);
        assertThat(r.events()).noneMatch(e -> e.kind() == EventKind.OUTAGE || e.kind() == EventKind.OVERLOAD
            || e.kind() == EventKind.SFC_DEGRADATION);
        for (GeneratorReport g : r.generators()) {
            assertThat(g.total().overloadHours().value()).as(g.assetId()).isLessThan(0.05);
        }
        boolean spikes = truth.events().stream().anyMatch(e -> e.kind().equals("sensor_fault")
            && e.detail().equals("spikes power.active"));
        int removed = r.generators().stream().mapToInt(GeneratorReport::spikesRemoved).sum();
        LOG.info("{} seed {}: {} power readings replaced by the spike filter", scenario, seed, removed);
        if (spikes) {
            assertThat(removed).isPositive();
        }
    }
}

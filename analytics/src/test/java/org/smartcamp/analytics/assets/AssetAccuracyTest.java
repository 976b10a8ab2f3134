package org.smartcamp.analytics.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcamp.analytics.power.SimulatedCamps;
import org.smartcamp.analytics.testsupport.SimulatedCamp;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.simulator.scenario.VehicleSpec;
import org.smartcamp.simulator.truth.GeneratorTotals;

/**
 * Vehicle and generator utilization against the ground truth of the logistics hub (six vehicles on duty cycles, a
 * GPS dropout, fuel-level spikes, a siphoning, a fleet-gateway outage with backlog), over three seeds.
 */
class AssetAccuracyTest {
    private static final Logger LOG = LoggerFactory.getLogger(AssetAccuracyTest.class);
    private static final Percentage ONE_PERCENT = Percentage.withPercentage(1);

    static List<Long> seeds() {
        return SimulatedCamps.SEEDS;
    }

    private static SimulatedCamp hub(Long seed) {
        return SimulatedCamps.camp("logistics-hub", seed);
    }

    private static AssetReport analyze(SimulatedCamp c, VehicleSpec v, UsageSignals signals) {
        AssetRating rating = new AssetRating(c.assetId(v.id()), AssetKind.VEHICLE, v.serviceIntervalH(), null, null,
            v.fuelCapacityL());
        return new AssetUsageAnalyzer(AssetSettings.defaults()).analyze(rating, signals, c.truth().start(),
            c.truth().end());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void vehicleHoursDistanceAndFuelMatchTheTruth(Long seed) {
        SimulatedCamp c = hub(seed);
        for (VehicleSpec v : c.scenario().vehicles()) {
            String id = c.assetId(v.id());
            AssetReport r = analyze(c, v, UsageSignals.vehicle(m -> c.series(id, m)));
            double[] truth = c.truth().vehicleTotals(id);
            AssetBucket t = r.total();
            LOG.info("seed {} {}: engine {} / {} h, idle {} / {} h, {} / {} km, {} / {} L, idle rate {} ({}) / {} L/h",
                seed, id, t.engineHours().value(), truth[0], t.idleHours().value(), truth[1], t.distanceKm().value(),
                truth[2], t.fuelL().value(), truth[3], r.idleRate().litresPerHour(), r.idleRate().source(),
                v.consumption().idleLph());
            assertThat(t.engineHours().value()).as(id + " engine hours").isCloseTo(truth[0], ONE_PERCENT);
            assertThat(t.idleHours().value()).as(id + " idle hours").isCloseTo(truth[1], ONE_PERCENT);
            assertThat(t.distanceKm().value()).as(id + " km").isCloseTo(truth[2], ONE_PERCENT);
            assertThat(t.fuelL().value()).as(id + " litres").isCloseTo(truth[3], ONE_PERCENT);
            assertThat(r.idleRate().source()).isEqualTo("measured");
            assertThat(r.idleRate().litresPerHour()).as(id + " idle rate")
                .isCloseTo(v.consumption().idleLph(), Percentage.withPercentage(2));
            assertThat(t.idleLitres().value()).as(id + " idle litres")
                .isCloseTo(truth[1] * v.consumption().idleLph(), Percentage.withPercentage(2));
            assertThat(t.utilizationPct().value()).isCloseTo(100 * truth[0] / (7 * 24), ONE_PERCENT);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutCountersIgnitionSpeedAndLevelStillTell(Long seed) {
        SimulatedCamp c = hub(seed);
        for (VehicleSpec v : c.scenario().vehicles()) {
            String id = c.assetId(v.id());
            UsageSignals gauges = new UsageSignals(c.series(id, "vehicle.ignition"), c.series(id, "vehicle.speed"),
                null, null, null, null, c.series(id, "fuel.level_pct"));
            AssetBucket t = analyze(c, v, gauges).total();
            double[] truth = c.truth().vehicleTotals(id);
            LOG.info("seed {} {} without counters: engine {} / {} h, idle {} / {} h, {} / {} km, {} / {} L", seed, id,
                t.engineHours().value(), truth[0], t.idleHours().value(), truth[1], t.distanceKm().value(), truth[2],
                t.fuelL().value(), truth[3]);
            // one-minute samples of a state that changes every 10 s step: about a minute of error per change
            assertThat(t.engineHours().value()).as(id + " engine hours").isCloseTo(truth[0], ONE_PERCENT);
            assertThat(t.idleHours().value()).as(id + " idle hours").isCloseTo(truth[1],
                Percentage.withPercentage(2));
            assertThat(t.distanceKm().value()).as(id + " km").isCloseTo(truth[2], Percentage.withPercentage(2));
            // hourly level means of a 0.3-1 % noisy gauge; a siphoning shows as use (the level cannot tell)
            double stolen = c.truth().events().stream().filter(e -> e.kind().equals("theft") && e.asset().equals(id)
                && e.litres() != null).mapToDouble(e -> e.litres()).sum();
            assertThat(t.fuelL().value()).as(id + " litres from the level").isBetween(0.9 * truth[3],
                1.1 * (truth[3] + stolen));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void generatorUtilizationIsItsRunningHoursOverTheWeek(Long seed) {
        SimulatedCamp c = hub(seed);
        for (var g : c.scenario().plant().generators()) {
            String id = c.assetId(g.id());
            AssetRating rating = new AssetRating(id, AssetKind.GENERATOR, 500, 100.0, null, null);
            AssetReport r = new AssetUsageAnalyzer(AssetSettings.defaults()).analyze(rating,
                UsageSignals.generator(m -> c.series(id, m)), c.truth().start(), c.truth().end());
            GeneratorTotals truth = c.truth().generatorTotals(id);

            assertThat(r.total().utilizationPct().value()).isCloseTo(100 * truth.runHours() / (7 * 24), ONE_PERCENT);
            assertThat(r.total().idleHours().known()).isFalse();
            assertThat(r.total().litresPerEngineHour().value()).isCloseTo(truth.fuelL() / truth.runHours(),
                ONE_PERCENT);
            // the counter starts at zero in the simulator: 100 h at the last service, 500 h interval
            assertThat(r.hoursToService().value()).isCloseTo(600 - truth.runHours(), Percentage.withPercentage(0.1));
            assertThat(r.serviceBasis()).isEqualTo("last_service");
        }
    }
}

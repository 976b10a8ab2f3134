package org.smartcamp.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.truth.GeneratorTotals;
import org.smartcamp.simulator.truth.GroundTruth;
import org.smartcamp.simulator.truth.TruthEvent;

/**
 * The adversarial scenarios hold the physics they promise the analyzers: a second set that starts many times a day
 * for a minute or so, a set that runs near its rating when it runs (cycle charging), a gauge-only outpost.
 */
class AdversarialScenariosTest {

    private static GroundTruth run(String name, Duration duration) throws InterruptedException {
        Scenario base = ScenarioLoader.load(name);
        Scenario scenario = base.with(null, base.header().start(), duration);
        TelemetrySink discard = new TelemetrySink() {
            @Override
            public void send(OutgoingMessage message) {
                // the ground truth is what this test reads
            }

            @Override
            public void close() {
            }
        };
        return new SimulationRunner().run(scenario, discard, Speed.MAX, ProgressListener.NONE).truth();
    }

    @Test
    void everyAdversarialScenarioLoadsAndIsListed() {
        for (String name : ScenarioLoader.ADVERSARIAL) {
            Scenario s = ScenarioLoader.load(name);
            assertThat(s.header().name()).isEqualTo(name);
            assertThat(s.events()).as(name).isNotEmpty();
        }
        assertThat(ScenarioLoader.ADVERSARIAL).doesNotContainAnyElementsOf(ScenarioLoader.BUNDLED);
    }

    @Test
    void theSecondSetOfTheLoadFollowingPairStartsManyTimesADay() throws InterruptedException {
        GroundTruth truth = run("load-following-pair", Duration.ofDays(2));

        GeneratorTotals second = truth.generatorTotals("sector2-gen-2");
        assertThat(second.starts()).as("starts in two days").isGreaterThanOrEqualTo(20);
        assertThat(second.runHours() * 60 / second.starts()).as("mean run, minutes").isLessThan(90);
    }

    @Test
    void theCycleChargingSetRunsNearItsRatingWhenItRuns() throws InterruptedException {
        GroundTruth truth = run("hybrid-cycle-charging", Duration.ofDays(3));

        GeneratorTotals set = truth.generatorTotals("hosp1-gen-1");
        assertThat(set.starts()).as("it starts and stops").isGreaterThanOrEqualTo(2);
        assertThat(set.energyKwh() / (100 * set.runHours())).as("mean load factor while running")
            .isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
        SortedMap<Instant, GeneratorTotals> hourly = truth.generatorHourly("hosp1-gen-1");
        assertThat(hourly.values().stream().filter(h -> h.runHours() > 0.99).mapToDouble(GeneratorTotals::energyKwh)
            .max().orElse(0)).as("a full hour's energy never above the rating").isLessThanOrEqualTo(100.0);
    }

    @Test
    void aGeneratorStopIsAPowerOutageOnlyWhileNothingElseSupplies() throws InterruptedException {
        GroundTruth truth = run("load-following-pair", Duration.ofDays(5));

        assertThat(truth.events()).filteredOn(e -> e.kind().equals("generator_stop")).hasSize(2);
        // the large set is out from 4d14h for 3 h: the small one carries the camp, no outage; it trips at 4d15h20m
        // for 25 minutes, and only then is the camp dark
        Instant trip = truth.start().plus(Duration.ofDays(4).plusHours(15).plusMinutes(20));
        List<TruthEvent> outages = truth.events().stream().filter(e -> e.kind().equals("power_outage")).toList();
        assertThat(outages).hasSize(1);
        assertThat(outages.get(0).asset()).isEqualTo("sector2");
        assertThat(outages.get(0).start()).isEqualTo(trip);
        assertThat(outages.get(0).end()).isEqualTo(trip.plus(Duration.ofMinutes(25)));
        Instant out = truth.start().plus(Duration.ofDays(4).plusHours(14));
        assertThat(truth.generatorHourly("sector2-gen-1").subMap(out, out.plus(Duration.ofHours(3))).values())
            .hasSize(3).allMatch(h -> h.runHours() == 0 && h.energyKwh() == 0);
        assertThat(truth.generatorPeakKw("sector2-gen-2")).isLessThanOrEqualTo(100);
    }
}

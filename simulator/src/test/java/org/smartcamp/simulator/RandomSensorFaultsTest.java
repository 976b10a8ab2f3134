package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.GroundTruth;

/**
 * Random dropouts and scale spikes (issue 16): a day tank's gauge loses a reading now and then, or reads it at
 * half or 1.4 times the level, each reading independently at the scenario's rate; the ground truth stays what the
 * tank held. Compared with the same run without those two faults: the sensor noise is the same in both.
 */
class RandomSensorFaultsTest {
    private static final String DAY = "testcamp-day";
    private static final String FAULTS = "events:\n"
        + "  - {kind: sensor_fault, asset: day, metric: fuel.level, fault: scale_spikes, at: 0h, duration: 12h,"
        + " rate: 0.1, factors: [0.5, 1.4]}\n"
        + "  - {kind: sensor_fault, asset: day, fault: random_dropout, at: 0h, duration: 12h, rate: 0.1}\n";

    @Test
    void readingsGoMissingOrAreScaledAtTheirRateAndTheTruthStaysWhatHappened() throws IOException {
        String yaml = camp();
        RecordingSink plain = new RecordingSink();
        GroundTruth plainTruth = Runs.run(ScenarioLoader.parse(yaml, "plain"), plain).truth();
        RecordingSink faulty = new RecordingSink();
        Scenario scenario = ScenarioLoader.parse(yaml.replace("events:\n", FAULTS), "faulty");
        GroundTruth faultyTruth = Runs.run(scenario, faulty).truth();

        Map<Instant, Double> before = byTime(plain, "fuel.level");
        Map<Instant, Double> after = byTime(faulty, "fuel.level");
        Map<Instant, Double> volume = byTime(faulty, "fuel.volume");
        int missing = 0;
        int half = 0;
        int high = 0;
        for (Map.Entry<Instant, Double> e : before.entrySet()) {
            Double v = after.get(e.getKey());
            if (v == null) {
                missing++;
                assertThat(volume).as("no volume without its level").doesNotContainKey(e.getKey());
            } else if (Math.abs(v - 0.5 * e.getValue()) <= 0.11 && Math.abs(v - e.getValue()) > 0.11) {
                half++;
            } else if (Math.abs(v - 1.4 * e.getValue()) <= 0.11 && Math.abs(v - e.getValue()) > 0.11) {
                high++;
            } else {
                assertThat(v).as("an unhit reading at %s", e.getKey()).isEqualTo(e.getValue());
            }
        }
        int n = before.size();
        assertThat(n).as("a reading a minute for 12 h").isBetween(720, 721);
        assertThat(missing).as("dropouts at 10 %%").isBetween(n / 20, n * 3 / 20);
        assertThat(half + high).as("spikes at 10 %% of what is left").isBetween(n / 20, n * 3 / 20);
        assertThat(half).isPositive();
        assertThat(high).isPositive();
        assertThat(faultyTruth.tankVolumes(DAY)).isEqualTo(plainTruth.tankVolumes(DAY));
        assertThat(faultyTruth.events()).anyMatch(t -> t.kind().equals("sensor_fault") && t.asset().equals(DAY)
            && t.detail().equals("scale_spikes fuel.level"));
    }

    private static Map<Instant, Double> byTime(RecordingSink sink, String metric) {
        Map<Instant, Double> out = new TreeMap<>();
        for (Reading r : sink.readings(DAY, metric)) {
            out.putIfAbsent(r.ts(), r.value());
        }
        return out;
    }

    private static String camp() throws IOException {
        try (InputStream in = RandomSensorFaultsTest.class.getResourceAsStream("/scenarios/test-camp.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

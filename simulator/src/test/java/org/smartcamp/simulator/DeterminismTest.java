package org.smartcamp.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same seed, same output byte for byte; another seed, other noise. */
class DeterminismTest {
    private final Simulator simulator = new Simulator(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"),
        ZoneOffset.UTC));

    @Test
    void sameSeedGivesTheSameTelemetryAndGroundTruthByteForByte(@TempDir Path dir) throws Exception {
        run(dir, "a", 7L, "jsonl");
        run(dir, "b", 7L, "jsonl");
        run(dir, "c", 7L, "csv");
        run(dir, "d", 7L, "csv");

        assertThat(Files.size(dir.resolve("a.jsonl"))).isGreaterThan(100_000);
        assertThat(Files.mismatch(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"))).isEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("a-truth.json"), dir.resolve("b-truth.json"))).isEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("a-inventory.yaml"), dir.resolve("b-inventory.yaml"))).isEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("c.csv"), dir.resolve("d.csv"))).isEqualTo(-1);
    }

    @Test
    void anotherSeedGivesOtherNoise(@TempDir Path dir) throws Exception {
        run(dir, "a", 7L, "jsonl");
        run(dir, "b", 8L, "jsonl");

        assertThat(Files.mismatch(dir.resolve("a.jsonl"), dir.resolve("b.jsonl"))).isNotEqualTo(-1);
        assertThat(Files.mismatch(dir.resolve("a-truth.json"), dir.resolve("b-truth.json"))).isNotEqualTo(-1);
        assertThat(Files.readAllLines(dir.resolve("a.jsonl")).get(0))
            .isNotEqualTo(Files.readAllLines(dir.resolve("b.jsonl")).get(0));
    }

    private void run(Path dir, String name, Long seed, String ext) throws InterruptedException {
        simulator.run(new SimulationOptions("test-camp", seed, null, Duration.ofHours(4), Speed.MAX, null,
            dir.resolve(name + "." + ext), dir.resolve(name + "-truth.json"), dir.resolve(name + "-inventory.yaml")),
            ProgressListener.NONE);
    }
}

package org.smartcamp.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.SimulationSummary;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.gateway.FileFormat;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetryFileWriter;
import org.smartcamp.simulator.gateway.TelemetrySink;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;

class ReplayerTest {
    private static final Scenario SCENARIO = ScenarioLoader.load("test-camp").with(null, null, Duration.ofHours(6));

    @Test
    void aRecordedJsonlFileReplaysEveryReadingWithItsTimesAndItsBacklog(@TempDir Path dir) throws Exception {
        List<OutgoingMessage> original = record(dir.resolve("run.jsonl"));
        List<OutgoingMessage> replayed = new ArrayList<>();

        SimulationSummary summary = replay(dir.resolve("run.jsonl"), replayed);

        assertThat(readings(replayed)).containsExactlyElementsOf(readings(original));
        assertThat(replayed).allMatch(m -> m.address().mission().equals("testmission"));
        assertThat(summary.readings()).isEqualTo(readings(original).size());
        // the backlog after the outage (2 h to 5 h) goes out at 5 h with readings of 2 h to 5 h
        assertThat(replayed).anyMatch(m -> m.address().gateway().equals("gw-1")
            && m.batch().sent().equals(SCENARIO.header().start().plus(Duration.ofHours(5)))
            && m.batch().readings().get(0).ts().isBefore(SCENARIO.header().start().plus(Duration.ofHours(3))));
    }

    @Test
    void aLongCsvFileReplaysUnderTheGivenMissionAndGateway(@TempDir Path dir) throws Exception {
        List<OutgoingMessage> original = record(dir.resolve("run.csv"));
        List<OutgoingMessage> replayed = new ArrayList<>();

        replay(dir.resolve("run.csv"), replayed);

        assertThat(readings(replayed)).containsExactlyElementsOf(readings(original));
        assertThat(replayed).allMatch(m -> m.address().gateway().equals("gw-replay")
            && m.address().mission().equals("m1") && m.batch().readings().size() <= 500);
        assertThat(Files.readAllLines(dir.resolve("run.csv")).get(0))
            .isEqualTo("timestamp,camp,asset,metric,value,unit,quality");
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,camp,asset,metric,value,unit,quality\r\n"
            + "2026-03-02T00:00:00Z,c1,c1-gen-1,power.active,12.5,kW,good\r\n"
            + "2026-03-02T00:01:00Z,c1,c1-gen-1,power.active,lots,kW,good\r\n");

        assertThatThrownBy(() -> replay(file, new ArrayList<>())).isInstanceOf(ReplayFormatException.class)
            .hasMessageStartingWith(file + ":3: ");
    }

    private static List<OutgoingMessage> record(Path file) throws InterruptedException {
        List<OutgoingMessage> sent = new ArrayList<>();
        try (TelemetryFileWriter writer = new TelemetryFileWriter(file, FileFormat.of(file))) {
            new SimulationRunner().run(SCENARIO, new TelemetrySink() {
                @Override
                public void send(OutgoingMessage message) {
                    sent.add(message);
                    writer.send(message);
                }

                @Override
                public void close() {
                }
            }, Speed.MAX, ProgressListener.NONE);
        }
        return sent;
    }

    private static SimulationSummary replay(Path file, List<OutgoingMessage> into) throws InterruptedException {
        try (RecordingReader reader = new RecordingReader(file)) {
            return new Replayer().replay(reader, new TelemetrySink() {
                @Override
                public void send(OutgoingMessage message) {
                    into.add(message);
                }

                @Override
                public void close() {
                }
            }, new ReplayOptions(file, null, Speed.MAX, "m1", "gw-replay", 500), ProgressListener.NONE);
        }
    }

    private static List<Reading> readings(List<OutgoingMessage> messages) {
        return messages.stream().flatMap(m -> m.batch().readings().stream()).toList();
    }
}

package org.smartcamp.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.bench.Workload;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.simulator.gateway.OutgoingMessage;

/** The generated stream makes the suite's workload message by message, and its ledger maps readings back exactly. */
class GeneratedStreamTest {
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static final HostileMix MIX = new HostileMix(10);

    @Test
    void makesTheSameMessagesAsTheWholeWorkload() {
        long readings = 12_345;
        List<Workload.Message> whole = Workload.create("m", readings, FaultProfile.PER_MESSAGE,
            FaultProfile.GATEWAYS, NOW).messages();
        Workload.Shape shape = new Workload.Shape("m", readings, FaultProfile.PER_MESSAGE, FaultProfile.GATEWAYS,
            NOW);
        assertThat(shape.messages()).isEqualTo(whole.size());
        for (int i = 0; i < whole.size(); i++) {
            Workload.Message m = shape.message(i);
            assertThat(m.payload()).as("message %d", i).isEqualTo(whole.get(i).payload());
            assertThat(m.topic()).isEqualTo(whole.get(i).topic());
        }
    }

    @Test
    void everyPublishedReadingMapsBackToItsTickAndNothingElseDoes() {
        GeneratedStream stream = new GeneratedStream("m", 203, NOW, MIX);
        List<String> metrics = Workload.Shape.metrics();
        long mapped = 0;
        for (int i = 0; i < stream.size(); i++) {
            OutgoingMessage m = stream.get(i);
            HostileMix.Kind kind = MIX.kind(i);
            boolean refused = kind != null && kind.wholeMessage;
            int gateway = i % FaultProfile.GATEWAYS;
            for (Reading r : m.batch().readings()) {
                int asset = Integer.parseInt(r.asset().substring(r.asset().lastIndexOf("-a") + 2));
                long micros = Duration.between(stream.start(), r.ts()).toNanos() / 1_000;
                long tick = stream.tick(gateway, asset, metrics.indexOf(r.metric()), micros);
                assertThat(tick).as("message %d, %s", i, r).isNotNegative();
                assertThat(Workload.Shape.value(tick)).isEqualTo(r.value());
                assertThat(tick / FaultProfile.PER_MESSAGE).isEqualTo(i / FaultProfile.GATEWAYS);
                mapped++;
            }
            assertThat(m.batch().readings()).as("message %d, %s", i, kind).hasSize(refused ? 0
                : FaultProfile.PER_MESSAGE);
        }
        assertThat(mapped).isEqualTo(stream.readings());
        // what was never published, or published and refused whole, maps to no tick
        long refusedTick = 19L / FaultProfile.GATEWAYS * FaultProfile.PER_MESSAGE;
        assertThat(MIX.kind(19)).isEqualTo(HostileMix.Kind.SENT_MAX_LONG);
        assertThat(stream.tick(19 % FaultProfile.GATEWAYS, (int) (refusedTick % 50 / 5), (int) (refusedTick % 5),
            refusedTick / 50 * 1_000_000)).isEqualTo(-1);
        long afterEnd = 203L / FaultProfile.GATEWAYS * FaultProfile.PER_MESSAGE + FaultProfile.PER_MESSAGE;
        assertThat(stream.tick(0, 0, 0, afterEnd / 50 * 1_000_000)).isEqualTo(-1);
        assertThat(stream.tick(0, 0, 0, 500_000)).as("not on a whole second").isEqualTo(-1);
        assertThat(stream.tick(0, 0, 0, -1_000_000)).as("before the first event time").isEqualTo(-1);
        assertThat(MIX.hostile(203)).containsEntry(HostileMix.Kind.NUL_ASSET, 2L)
            .containsEntry(HostileMix.Kind.OVERSIZED_ID, 2L).containsEntry(HostileMix.Kind.NOT_FINITE, 2L);
        assertThat(MIX.hostileMessages(203)).isEqualTo(20);
    }
}

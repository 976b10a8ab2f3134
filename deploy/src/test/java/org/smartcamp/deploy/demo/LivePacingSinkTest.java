package org.smartcamp.deploy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.simulator.gateway.OutgoingMessage;
import org.smartcamp.simulator.gateway.TelemetrySink;

class LivePacingSinkTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final List<Instant> sent = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    private final TelemetrySink target = new TelemetrySink() {
        @Override
        public void send(OutgoingMessage message) {
            sent.add(message.batch().sent());
        }

        @Override
        public void close() {
        }
    };

    @Test
    void historyPassesAtOnceAndTheFutureWaitsForItsSendTime() {
        LivePacingSink sink = new LivePacingSink(target, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);

        sink.send(message(NOW.minusSeconds(3_600)));
        sink.send(message(NOW));
        assertThat(sink.live()).isFalse();
        sink.send(message(NOW.plusSeconds(60)));

        assertThat(sleeps).containsExactly(60_000L);
        assertThat(sink.live()).isTrue();
        assertThat(sent).containsExactly(NOW.minusSeconds(3_600), NOW, NOW.plusSeconds(60));
    }

    @Test
    void anInterruptWhileWaitingStopsTheRunWithoutSending() {
        LivePacingSink sink = new LivePacingSink(target, Clock.fixed(NOW, ZoneOffset.UTC), millis -> {
            throw new InterruptedException();
        });

        assertThatThrownBy(() -> sink.send(message(NOW.plusSeconds(60)))).isInstanceOf(LivePacingSink.Stopped.class);
        assertThat(Thread.interrupted()).as("interrupt flag kept").isTrue();
        assertThat(sent).isEmpty();
    }

    @Test
    void anInterruptDuringTheHistoryStopsTheRunToo() {
        LivePacingSink sink = new LivePacingSink(target, Clock.fixed(NOW, ZoneOffset.UTC), sleeps::add);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> sink.send(message(NOW.minusSeconds(60)))).isInstanceOf(LivePacingSink.Stopped.class);
        assertThat(Thread.interrupted()).isTrue();
        assertThat(sent).isEmpty();
    }

    private static OutgoingMessage message(Instant sentAt) {
        TelemetryBatch batch = new TelemetryBatch(1, sentAt, List.of(Reading.of("a-1", "power.active", sentAt, 1)));
        return new OutgoingMessage(new TopicAddress("m", "c", "gw-1"), batch, new byte[0], false);
    }
}

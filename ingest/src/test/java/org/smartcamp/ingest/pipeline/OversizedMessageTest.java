package org.smartcamp.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.mqtt.MqttTelemetrySource;
import org.smartcamp.ingest.store.DeadLetter;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.store.WriteResult;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.WireLimits;

/** A message the source cut because it was too large is dead-lettered as its first bytes and its size (D5). */
@ExtendWith(VertxExtension.class)
class OversizedMessageTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aCutMessageIsDeadLetteredAsItsFirstBytesWithItsSizeAndAcknowledged(Vertx vertx) {
        List<WriteBatch> batches = new CopyOnWriteArrayList<>();
        List<Integer> acked = new CopyOnWriteArrayList<>();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        IngestPipeline pipeline = new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, clock), b -> {
            batches.add(b);
            return new WriteResult(0, 0, b.deadLetters().size());
        }, new BatchConfig(100, Duration.ofMillis(10), Duration.ofMillis(10)),
            new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> acked.add(m.messageId()), clock);
        byte[] kept = new byte[MqttTelemetrySource.KEPT_BYTES];
        Arrays.fill(kept, (byte) '[');

        pipeline.offer(new InboundMessage("smartcamp/v1/m1/camp-a/gw-1/telemetry", kept, 9, 1, 0, T0, 2_000_000));

        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 1);
        DeadLetter letter = batches.get(0).deadLetters().get(0);
        assertThat(letter.reason()).isEqualTo(RejectReason.PAYLOAD_TOO_LARGE);
        assertThat(letter.payload()).hasSize(MqttTelemetrySource.KEPT_BYTES);
        assertThat(letter.detail()).contains("2000000 bytes", "first 4096 bytes");
    }
}

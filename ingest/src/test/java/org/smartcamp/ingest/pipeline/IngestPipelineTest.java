package org.smartcamp.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.store.WriteResult;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * The pipeline's contract with a store that can be made to fail (failure injection): batching by count and
 * time, commit before acknowledgement, in order, retry without acknowledging, dead letters acknowledged too.
 */
@ExtendWith(VertxExtension.class)
class IngestPipelineTest {
    private static final String TOPIC = "smartcamp/v1/m1/camp-a/gw-1/telemetry";
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
    private final RecordingStore store = new RecordingStore();
    private final List<Integer> acked = Collections.synchronizedList(new ArrayList<>());

    private IngestPipeline pipeline(Vertx vertx, int maxReadings, Duration delay) {
        return new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, clock), store,
            new BatchConfig(maxReadings, delay, Duration.ofMillis(20)),
            new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> acked.add(m.messageId()), clock);
    }

    @Test
    void batchesByCountThenByTimeAndAcknowledgesAfterCommitInOrder(Vertx vertx) {
        IngestPipeline pipeline = pipeline(vertx, 4, Duration.ofMillis(100));
        for (int id = 1; id <= 3; id++) {
            pipeline.offer(message(id, payload(id, 2)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 3);
        assertThat(acked).containsExactly(1, 2, 3);
        assertThat(store.readingsPerBatch()).containsExactly(4, 2);
        assertThat(pipeline.unacknowledged()).isZero();
    }

    @Test
    void failedCommitIsRetriedAndNothingIsAcknowledgedBeforeItSucceeds(Vertx vertx) {
        store.failuresLeft.set(3);
        IngestPipeline pipeline = pipeline(vertx, 100, Duration.ofMillis(10));
        pipeline.offer(message(7, payload(7, 5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.attempts.get() >= 2);
        assertThat(acked).isEmpty();
        assertThat(pipeline.unacknowledged()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 1);
        assertThat(store.attempts.get()).isEqualTo(4);
        assertThat(store.readingsPerBatch()).containsExactly(5);
        assertThat(acked).containsExactly(7);
    }

    @Test
    void badMessagesAreDeadLetteredAndAcknowledgedWithTheBatch(Vertx vertx) {
        IngestPipeline pipeline = pipeline(vertx, 100, Duration.ofMillis(20));
        pipeline.offer(message(1, "{not json".getBytes(StandardCharsets.UTF_8)));
        String oneBad = "{\"seq\":1,\"sent\":\"2026-11-22T10:00:00Z\",\"readings\":["
            + "{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:00:00Z\",\"value\":NaN},"
            + "{\"asset\":\"gen-1\",\"metric\":\"power.active\",\"ts\":\"2026-11-22T10:00:10Z\",\"value\":5}]}";
        pipeline.offer(message(2, oneBad.getBytes(StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 2);
        WriteBatch batch = store.batches.get(0);
        assertThat(batch.readingCount()).isEqualTo(1);
        assertThat(batch.deadLetters()).extracting(d -> d.reason())
            .containsExactly(RejectReason.MALFORMED_JSON, RejectReason.NOT_FINITE);
        assertThat(new String(batch.deadLetters().get(0).payload(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }

    @Test
    void anIngestWithMessagesWaitingAndNoCommitForStuckAfterIsStuckUntilCommitsResume(Vertx vertx) {
        MovingClock moving = new MovingClock(T0.plusSeconds(60));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        IngestPipeline pipeline = new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, clock), store,
            new BatchConfig(100, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMinutes(2)),
            new MicrometerIngestMetrics(meters), m -> acked.add(m.messageId()), moving);
        moving.advance(Duration.ofHours(1));
        assertThat(pipeline.stuck()).as("idle is not stuck").isFalse();
        store.failuresLeft.set(Integer.MAX_VALUE);

        pipeline.offer(message(1, payload(1, 3)));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.attempts.get() >= 2);
        moving.advance(Duration.ofSeconds(119));
        assertThat(pipeline.stuck()).isFalse();
        moving.advance(Duration.ofSeconds(1));
        assertThat(pipeline.stuck()).isTrue();
        assertThat(meters.get("smartcamp.ingest.stalled").gauge().value()).isEqualTo(120.0);

        store.failuresLeft.set(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 1);
        assertThat(pipeline.stuck()).isFalse();
        assertThat(meters.get("smartcamp.ingest.stalled").gauge().value()).isZero();
    }

    /** A clock the test moves by hand, so that "two minutes without a commit" takes no time. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void drainCommitsWhatArrivedBeforeTheBatchDelay(Vertx vertx) {
        IngestPipeline pipeline = pipeline(vertx, 1_000, Duration.ofHours(1));
        pipeline.offer(message(1, payload(1, 3)));
        pipeline.drain(Duration.ofSeconds(5)).await();
        assertThat(acked).containsExactly(1);
        assertThat(store.readingsPerBatch()).containsExactly(3);
    }

    private static InboundMessage message(int id, byte[] payload) {
        return new InboundMessage(TOPIC, payload, id, 1, 0, T0.plusSeconds(60));
    }

    private static byte[] payload(int seq, int readings) {
        List<Reading> list = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            list.add(Reading.of("gen-1", "power.active", T0.plusSeconds(seq * 10L + i), i));
        }
        return TelemetryEncoder.encode(new TelemetryBatch(seq, T0, list));
    }

    /** Records batches; fails the first {@code failuresLeft} writes. */
    private static final class RecordingStore implements TelemetryStore {
        final List<WriteBatch> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public WriteResult write(WriteBatch batch) {
            attempts.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StoreException("database unavailable (injected)");
            }
            batches.add(batch);
            return new WriteResult(batch.readingCount(), 0, batch.deadLetters().size());
        }

        List<Integer> readingsPerBatch() {
            List<Integer> sizes = new ArrayList<>();
            for (WriteBatch b : batches) {
                sizes.add(b.readingCount());
            }
            return sizes;
        }
    }
}

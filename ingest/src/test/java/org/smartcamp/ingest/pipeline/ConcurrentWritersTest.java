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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteBatch;
import org.smartcamp.ingest.store.WriteResult;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * The pipeline with a store that opens batches side by side ({@link TelemetryStore#open}): at most
 * {@link BatchConfig#writers} open at once, finished and acknowledged strictly in arrival order, and a batch opened
 * after one whose commit failed abandoned and written again, never committed ahead of it.
 */
@ExtendWith(VertxExtension.class)
class ConcurrentWritersTest {
    private static final String TOPIC = "smartcamp/v1/m1/camp-a/gw-1/telemetry";
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
    private final List<Integer> acked = Collections.synchronizedList(new ArrayList<>());

    private IngestPipeline pipeline(Vertx vertx, TelemetryStore store, int writers) {
        return new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, clock), store,
            new BatchConfig(2, Duration.ofMillis(50), Duration.ofMillis(20), Duration.ofMinutes(2), writers),
            new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> acked.add(m.messageId()), clock);
    }

    @Test
    void batchesAreOpenedSideBySideUpToTheWritersAndCommittedInArrivalOrder(Vertx vertx) {
        SideBySideStore store = new SideBySideStore();
        // the first batch's readings are written until two more batches are open beside it; they wait for it
        store.holdFirstUntilOpen = 3;
        IngestPipeline pipeline = pipeline(vertx, store, 3);
        for (int id = 1; id <= 8; id++) {
            pipeline.offer(message(id));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> acked.size() == 8);
        assertThat(store.mostOpen.get()).as("batches open at once").isEqualTo(3);
        assertThat(store.finished).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(acked).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(store.abandoned).isEmpty();
    }

    @Test
    void oneWriterOpensOneBatchAtATime(Vertx vertx) {
        assertOneAtATime(vertx, 1, true);
    }

    @Test
    void batchesTheStoreSaysCouldWaitOnEachOtherAreOpenedOneAfterTheOther(Vertx vertx) {
        assertOneAtATime(vertx, 3, false);
    }

    private void assertOneAtATime(Vertx vertx, int writers, boolean concurrent) {
        SideBySideStore store = new SideBySideStore();
        // the first batch's readings are written while the next is ready: nothing may open beside it
        store.holdFirstWhileAlone = true;
        store.concurrent = concurrent;
        IngestPipeline pipeline = pipeline(vertx, store, writers);
        for (int id = 1; id <= 4; id++) {
            pipeline.offer(message(id));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> acked.size() == 4);
        assertThat(store.mostOpen.get()).isEqualTo(1);
        assertThat(store.finished).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aBatchOpenedAfterOneWhoseCommitFailsIsAbandonedAndNothingIsAcknowledgedOutOfOrder(Vertx vertx)
            throws InterruptedException {
        SideBySideStore store = new SideBySideStore();
        // batch 1's commit fails once, and only after batch 2 is open beside it
        store.failFinishOf = 1;
        store.finishWaitsFor = new CountDownLatch(1);
        IngestPipeline pipeline = pipeline(vertx, store, 2);
        pipeline.offer(message(1));
        pipeline.offer(message(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> acked.size() == 2);
        assertThat(store.abandoned).as("batch 2, opened beside the batch that failed").containsExactly(2);
        assertThat(store.finished).containsExactly(1, 2);
        assertThat(acked).containsExactly(1, 2);
        assertThat(store.opened).as("both opened again after the backoff").hasSize(4)
            .filteredOn(n -> n == 2).hasSize(2);
    }

    private static InboundMessage message(int id) {
        List<Reading> list = List.of(Reading.of("gen-1", "power.active", T0.plusSeconds(id * 10L), id),
            Reading.of("gen-1", "power.active", T0.plusSeconds(id * 10L + 1), id));
        return new InboundMessage(TOPIC, TelemetryEncoder.encode(new TelemetryBatch(id, T0, list)), id, 1, 0,
            T0.plusSeconds(60));
    }

    /** Opens batches (numbered by their message's seq) on any thread, records what happens to them. */
    private static final class SideBySideStore implements TelemetryStore {
        final List<Integer> opened = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        final List<Integer> abandoned = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        /** Batch 1's open returns once this many batches are open (0: at once). */
        volatile int holdFirstUntilOpen;
        /** Batch 1's open returns once batch 2 is ready and no other batch opened for a while. */
        volatile boolean holdFirstWhileAlone;
        final CountDownLatch secondReady = new CountDownLatch(1);
        volatile boolean concurrent = true;
        volatile int failFinishOf;
        volatile CountDownLatch finishWaitsFor;

        @Override
        public WriteResult write(WriteBatch batch) {
            throw new AssertionError("a store that opens batches writes through open and finish");
        }

        @Override
        public boolean concurrent(Prepared earlier, Prepared later) {
            return concurrent;
        }

        @Override
        public Prepared prepare(WriteBatch batch) {
            if (number(batch) == 2) {
                secondReady.countDown();
            }
            return TelemetryStore.super.prepare(batch);
        }

        @Override
        public Open open(Prepared prepared) {
            int n = number(prepared.batch());
            opened.add(n);
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            if (n == 1 && holdFirstUntilOpen > 0) {
                await().atMost(Duration.ofSeconds(5)).until(() -> open.get() >= holdFirstUntilOpen);
            }
            if (n == 1 && holdFirstWhileAlone) {
                awaitLatch(secondReady);
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> open.get() == 1);
            }
            if (n == 2 && finishWaitsFor != null) {
                finishWaitsFor.countDown();
            }
            return new Open() {
                private boolean over;

                @Override
                public WriteResult finish() {
                    if (n == failFinishOf && finishWaitsFor != null) {
                        // fail only once batch 2 is open (or being opened) beside this one
                        awaitLatch(finishWaitsFor);
                    }
                    end();
                    if (n == failFinishOf) {
                        failFinishOf = 0;
                        throw new StoreException("database unavailable (injected)");
                    }
                    finished.add(n);
                    return new WriteResult(prepared.batch().readingCount(), 0, 0);
                }

                @Override
                public void abandon() {
                    end();
                    abandoned.add(n);
                }

                private synchronized void end() {
                    if (!over) {
                        over = true;
                        open.decrementAndGet();
                    }
                }
            };
        }

        private static int number(WriteBatch batch) {
            return batch.messages().get(0).message().seq().intValue();
        }

        private static void awaitLatch(CountDownLatch latch) {
            try {
                assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

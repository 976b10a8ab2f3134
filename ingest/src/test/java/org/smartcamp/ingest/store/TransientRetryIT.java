package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.pipeline.IngestPipeline;
import org.smartcamp.ingest.pipeline.MicrometerIngestMetrics;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * Transient database failures (injected on commit: the real database gives them only at random) are retried by
 * the pipeline with backoff until the batch is stored once; nothing is acknowledged or dead-lettered meanwhile.
 */
class TransientRetryIT {
    @AutoClose
    private static final MigratedStore STORE = MigratedStore.create("transient");
    @AutoClose("close")
    private final Vertx vertx = Vertx.vertx();
    private final List<Integer> acked = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aBatchWhoseCommitsFailTransientlyIsRetriedUntilItIsStoredOnceAndOnlyThenAcknowledged() {
        FailingDataSource failing = new FailingDataSource(STORE.dataSource());
        failing.failNextCommits("40P01", 4);
        IngestPipeline pipeline = new IngestPipeline(vertx, new TelemetryDecoder(WireLimits.V1, Clock.systemUTC()),
            new CopyBatchWriter(failing, new AssetRegistry(STORE.dataSource())),
            new BatchConfig(1_000, Duration.ofMillis(20), Duration.ofMillis(20)),
            new MicrometerIngestMetrics(new SimpleMeterRegistry()), m -> acked.add(m.messageId()), Clock.systemUTC());
        TopicAddress gw = new TopicAddress("tr", "tr-camp", "gw-1");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

        for (int id = 1; id <= 5; id++) {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                readings.add(Reading.of("tr-gen", "power.active", t0.plusSeconds(id * 10L + i), i));
            }
            pipeline.offer(new InboundMessage(gw.telemetryTopic(), TelemetryEncoder.encode(new TelemetryBatch(id,
                Instant.now(), readings)), id, 1, 0, Instant.now()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() == 5);
        assertThat(failing.failuresLeft()).as("every injected failure was met and retried").isZero();
        assertThat(STORE.db().queryLong("SELECT count(*) FROM readings")).isEqualTo(50);
        assertThat(STORE.db().queryLong("SELECT count(*) FROM dead_letters")).isZero();
        assertThat(acked).containsExactly(1, 2, 3, 4, 5);
    }
}

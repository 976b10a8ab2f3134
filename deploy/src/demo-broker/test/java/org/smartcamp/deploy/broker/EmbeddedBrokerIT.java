package org.smartcamp.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MosquittoProcess;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;

/**
 * The demo's embedded broker carries what the ingest needs: MQTT 5 with a persistent session, manual QoS 1
 * acknowledgements and a shared subscription, so the real IngestService stores what a gateway publishes through it,
 * including what was published while the ingest was away.
 */
class EmbeddedBrokerIT {
    private static TestDatabase db;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.create("embedded_broker");
        broker = EmbeddedBroker.start(MosquittoProcess.freePort());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
        db.close();
    }

    @Test
    void theIngestStoresTelemetryPublishedThroughTheEmbeddedBrokerAndKeepsItsSessionWhileAway() throws Exception {
        MqttConfig mqtt = MqttConfig.of(broker.url(), "ingest-embedded").withSharedGroup("ingest");
        DatabaseConfig store = new DatabaseConfig(db.url(), db.user(), db.password(), 2, null);
        IngestConfig config = new IngestConfig(store, mqtt, new BatchConfig(500, Duration.ofMillis(100),
            Duration.ofMillis(200)), WireLimits.V1, "127.0.0.1", 0, true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IngestService ingest = new IngestService(config, Clock.systemUTC());
        ingest.start();
        publish(1, now.minusSeconds(60), 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryLong("SELECT count(*) FROM readings") == 50);
        ingest.stop(Duration.ofSeconds(10));
        assertThat(db.queryLong("SELECT count(*) FROM readings")).as("stored once, nothing more").isEqualTo(50);

        publish(2, now.minusSeconds(30), 50);
        IngestService again = new IngestService(config, Clock.systemUTC());
        again.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> db.queryLong("SELECT count(*) FROM readings") == 100);
        } finally {
            again.stop(Duration.ofSeconds(10));
        }
        assertThat(db.queryLong("SELECT count(*) FROM readings")).as("both batches, each once").isEqualTo(100);
        assertThat(db.queryLong("SELECT count(DISTINCT ts) FROM readings WHERE ts >= '" + now.minusSeconds(30)
            + "'")).as("the batch published while the ingest was away").isEqualTo(50);
        assertThat(db.queryLong("SELECT count(*) FROM dead_letters")).isZero();
    }

    private static void publish(long seq, Instant from, int readings) throws Exception {
        List<Reading> batch = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            batch.add(Reading.of("emb-gen-1", "power.active", from.plusMillis(i * 100L), i));
        }
        try (TestGateway gateway = new TestGateway(broker.url(), "gw-embedded", 10)) {
            gateway.publish(new TopicAddress("embedded", "emb1", "gw-1").telemetryTopic(),
                TelemetryEncoder.encode(new TelemetryBatch(seq, from, batch)));
        }
    }
}

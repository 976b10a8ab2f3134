package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Retained messages are never read (issue 13, D6). A retained SenML message with a relative time is stored again
 * with a new time each time it is replayed, so replays show up as rows. Defined behaviour: a retained message that
 * reaches the ingest's session live (or queued while it is away) is stored once, like any message; the broker's
 * stored copy is never sent to the ingest (Retain Handling 2), so restarts add nothing, and a retained message
 * published before the ingest ever subscribed is not read at all.
 */
class RetainedTelemetryIT {
    private static MigratedStore store;

    private final String mission = "ret" + UUID.randomUUID().toString().substring(0, 8);
    private final TopicAddress camp = new TopicAddress(mission, "c" + mission, "gw-r");
    private final String clientId = "ingest-" + mission;

    @BeforeAll
    static void migrate() {
        store = MigratedStore.create("retained");
    }

    @AfterAll
    static void dropSchema() {
        store.close();
    }

    @Test
    void aRetainedMessageIsStoredOnceAndNeverReplayedByTwoRestarts() throws Exception {
        restart();
        publishRetained(senml("wx-1", 21.5));
        stopAfterStoring(start(), 1);

        restart();
        restart();

        assertThat(readings("wx-1")).as("rows of the retained message after two restarts").isEqualTo(1);
        clearRetained();
    }

    @Test
    void aRetainedMessagePublishedBeforeTheIngestFirstSubscribedIsNeverRead() throws Exception {
        publishRetained(senml("wx-2", 19.0));
        IngestService ingest = start();
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-marker-" + mission, 10)) {
            gateway.publish(camp.telemetryTopic(), senml("marker", 1.0));
            gateway.flush();
        }
        // The marker came after the retained message: once it is stored, a replay would have been too.
        stopAfterStoring(ingest, 1, "marker");
        restart();

        assertThat(readings("wx-2")).isZero();
        clearRetained();
    }

    private IngestService start() {
        IngestService ingest = new IngestService(IngestProcess.config(store.db().url(), store.db().user(),
            store.db().password(), TestServices.mqttUrl(), clientId, TopicAddress.telemetryFilter(mission), 0),
            Clock.systemUTC());
        ingest.start();
        return ingest;
    }

    private void restart() {
        IngestService ingest = start();
        await().atMost(Duration.ofSeconds(10)).until(() -> ingest.unacknowledged() == 0);
        ingest.stop(Duration.ofSeconds(10));
    }

    private void stopAfterStoring(IngestService ingest, long rows) {
        stopAfterStoring(ingest, rows, "wx-1");
    }

    private void stopAfterStoring(IngestService ingest, long rows, String asset) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> readings(asset) >= rows);
        } finally {
            ingest.stop(Duration.ofSeconds(10));
        }
    }

    private byte[] senml(String asset, double value) {
        return ("[{\"n\":\"" + mission + "-" + asset + "/weather.temp\",\"u\":\"Cel\",\"v\":" + value + "}]")
            .getBytes(StandardCharsets.UTF_8);
    }

    private void publishRetained(byte[] payload) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(TestServices.mqttUrl(), "retainer-" + mission,
            new MemoryPersistence());
        try {
            client.connect(new MqttConnectionOptions()).waitForCompletion(10_000);
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            message.setRetained(true);
            client.publish(camp.telemetryTopic(), message).waitForCompletion(10_000);
            client.disconnect().waitForCompletion(10_000);
        } finally {
            client.close();
        }
    }

    /** An empty retained message deletes the broker's copy, so the shared test broker keeps nothing. */
    private void clearRetained() throws MqttException {
        publishRetained(new byte[0]);
    }

    private long readings(String asset) {
        return store.db().queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id = '" + mission + "-" + asset + "'");
    }
}

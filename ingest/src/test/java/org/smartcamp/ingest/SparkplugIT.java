package org.smartcamp.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.smartcamp.ingest.testsupport.TestEdgeNode.byAlias;
import static org.smartcamp.ingest.testsupport.TestEdgeNode.declared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.mqtt.MessageListener;
import org.smartcamp.ingest.testsupport.IngestProcess;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestEdgeNode;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.sparkplug.SparkplugConfig;

/**
 * Sparkplug B through the real broker and database: a Tahu-encoded edge node -> Mosquitto -> ingest -> rows,
 * rebirth requests seen on the broker, the primary host's STATE, and exactly-once across an ingest SIGKILL.
 */
class SparkplugIT {
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static MigratedStore store;
    private static TestDatabase db;

    /** group = mission, edge node = camp, device = asset (the default mapping). */
    private final String mission = "sp" + UUID.randomUUID().toString().substring(0, 8);
    private final String camp = mission + "-camp";
    private final String asset = mission + "-gen";
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        store = MigratedStore.create("sparkplug");
        db = store.db();
    }

    @AfterAll
    static void dropSchema() {
        store.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        Collections.reverse(closeLater);
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    @Test
    void birthDataAndDeathAreStoredByAliasAndSetTheGatewayStatus() {
        startIngest("life");
        TestEdgeNode node = edgeNode(0);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 10.0, at(0)),
            declared("fuel.level", 2, MetricDataType.Float, 50.0f, at(0)),
            declared("Properties/Hardware Make", 3, MetricDataType.String, "acme", at(0)));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 11.0, at(1), false),
            byAlias(2, MetricDataType.Float, 49.5f, at(1), false));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 12.0, at(2), false));
        awaitReadings(5);
        assertThat(db.queryLong("SELECT sum(r.value)::bigint FROM readings r JOIN metrics m ON m.id = r.metric_id"
            + " JOIN assets a ON a.ref = r.asset_ref WHERE a.id = '" + asset + "' AND m.name = 'power.active'"))
            .isEqualTo(33);
        await().atMost(SETTLE).until(() -> "online".equals(status()));
        assertThat(db.queryLong("SELECT last_seq FROM gateways WHERE camp_id = '" + camp + "'")).isEqualTo(3);
        node.die();
        await().atMost(SETTLE).until(() -> "offline".equals(status()));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void aSequenceGapRequestsARebirthAndDeadLettersUntilTheNewBirth() {
        startIngest("gap");
        TestEdgeNode node = edgeNode(0);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 1.0, at(0)));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 2.0, at(1), false));
        awaitReadings(2);
        node.sendWithSeq("DDATA", asset, 7, byAlias(1, MetricDataType.Double, 100.0, at(2), false));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 100.0, at(3), false));
        await().atMost(SETTLE).until(() -> !node.commands().isEmpty());
        Payload command = parse(node.commands().get(0));
        assertThat(command.getMetrics(0).getName()).isEqualTo("Node Control/Rebirth");
        assertThat(command.getMetrics(0).getBooleanValue()).isTrue();
        await().atMost(SETTLE).until(() -> deadLetters("sparkplug_rebirth_pending") == 2);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 3.0, at(4)));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 4.0, at(5), false));
        awaitReadings(4);
        assertThat(sum()).as("the values sent in the gap are never guessed into readings").isEqualTo(10);
    }

    @Test
    void dataBeforeItsBirthRequestsARebirth() {
        startIngest("early");
        TestEdgeNode node = edgeNode(0);
        node.sendWithSeq("NDATA", null, 5, byAlias(1, MetricDataType.Double, 1.0, at(0), false));
        await().atMost(SETTLE).until(() -> !node.commands().isEmpty());
        await().atMost(SETTLE).until(() -> deadLetters("sparkplug_rebirth_pending") == 1);
        node.nodeBirth(declared(asset + "/power.active", 9, MetricDataType.Int32, 7, at(1)));
        node.send("NDATA", null, byAlias(9, MetricDataType.Int32, 8, at(2), false));
        awaitReadings(2);
        assertThat(sum()).isEqualTo(15);
    }

    @Test
    void anUnknownAliasAndMalformedProtobufAreDeadLetteredAndConsumingGoesOn() {
        startIngest("bad");
        TestEdgeNode node = edgeNode(0);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 1.0, at(0)));
        node.send("DDATA", asset, byAlias(42, MetricDataType.Double, 5.0, at(1), false),
            byAlias(1, MetricDataType.Double, 2.0, at(1), false));
        node.publishRaw("DDATA", asset, new byte[] {(byte) 0xff, 0x01, 0x02});
        // a valid message right after the poison: stored, and no rebirth asked for (nothing was skipped)
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 3.0, at(2), false));
        awaitReadings(3);
        await().atMost(SETTLE).until(() -> deadLetters() == 2);
        assertThat(deadLetters("sparkplug_unknown_alias")).isEqualTo(1);
        assertThat(deadLetters("malformed_protobuf")).isEqualTo(1);
        assertThat(sum()).isEqualTo(6);
    }

    @Test
    void historicalDataIsStoredByItsOwnTimestamps() {
        startIngest("hist");
        TestEdgeNode node = edgeNode(0);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 1.0, at(3600)));
        node.send("DDATA", asset, byAlias(1, MetricDataType.Double, 2.0, at(0), true),
            byAlias(1, MetricDataType.Double, 3.0, at(60), true));
        awaitReadings(3);
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref WHERE a.id = '"
            + asset + "' AND r.ts IN ('" + base + "', '" + base.plusSeconds(60) + "')")).isEqualTo(2);
    }

    @Test
    void aNodeRestartWithANewBdSeqGoesOnAndTheOldWillDoesNotTakeItOffline() {
        startIngest("restart");
        TestEdgeNode first = edgeNode(0);
        first.nodeBirth();
        first.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 1.0, at(0)));
        awaitReadings(1);
        first.close();
        TestEdgeNode second = edgeNode(1);
        second.nodeBirth();
        second.send("DBIRTH", asset, declared("power.active", 5, MetricDataType.Double, 2.0, at(1)));
        second.send("DDATA", asset, byAlias(5, MetricDataType.Double, 3.0, at(2), false));
        awaitReadings(3);
        second.nodeDeath(0);
        second.send("DDATA", asset, byAlias(5, MetricDataType.Double, 4.0, at(3), false));
        awaitReadings(4);
        assertThat(status()).as("an NDEATH of the previous bdSeq is stale").isEqualTo("online");
        second.nodeDeath(1);
        await().atMost(SETTLE).until(() -> "offline".equals(status()));
        assertThat(deadLetters()).isZero();
    }

    @Test
    void theInventoryMapsGroupEdgeNodeDeviceAndMetricNames() {
        new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("sp.yaml", """
            sparkplug:
              metrics: {"Engine/Power": power.active}
            missions:
              - id: %s
                camps:
                  - id: %s
                    sparkplug: {group: Plant %s, edgeNode: EN-7}
                    assets:
                      - {id: %s, kind: generator, rated_kw: 100, sparkplug: {device: Genset 1}}
            """.formatted(mission, camp, mission, asset)));
        startIngest("names", "host-" + mission, "Plant " + mission);
        TestEdgeNode node = new TestEdgeNode(TestServices.mqttUrl(), "Plant " + mission, "EN-7", 0).connect();
        closeLater.add(node);
        node.nodeBirth();
        node.send("DBIRTH", "Genset 1", declared("Engine/Power", 1, MetricDataType.Double, 20.0, at(0)));
        node.send("DDATA", "Genset 1", byAlias(1, MetricDataType.Double, 22.0, at(1), false));
        awaitReadings(2);
        assertThat(db.queryLong("SELECT count(*) FROM readings r JOIN metrics m ON m.id = r.metric_id JOIN assets a"
            + " ON a.ref = r.asset_ref WHERE a.id = '" + asset + "' AND m.name = 'power.active'")).isEqualTo(2);
        await().atMost(SETTLE).until(() -> "online".equals(status()));
    }

    @Test
    void thePrimaryHostPublishesItsStateRetainedAndItsWillSaysOffline() throws Exception {
        String host = "host-" + mission;
        startIngest("state", host);
        List<String> states = Collections.synchronizedList(new ArrayList<>());
        MqttClient watcher = new MqttClient(TestServices.mqttUrl(), "watch-" + mission, new MemoryPersistence());
        watcher.setCallback(new MessageListener() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
                states.add((m.isRetained() ? "retained " : "") + new String(m.getPayload(), StandardCharsets.UTF_8));
            }
        });
        watcher.connect(new MqttConnectionOptions());
        closeLater.add(watcher::disconnect);
        watcher.subscribe(new MqttSubscription[] {new MqttSubscription("spBv1.0/STATE/" + host, 1)});
        await().atMost(SETTLE).until(() -> !states.isEmpty());
        assertThat(states.get(0)).startsWith("retained {\"online\":true,\"timestamp\":");
        clearRetained("spBv1.0/STATE/" + host);
    }

    @Test
    void anIngestKilledMidStreamResumesItsSparkplugSessionsLosingNothing() throws Exception {
        String clientId = "ingest-sp-kill-" + mission;
        Process first = spawnIngest(clientId, "sp-first");
        TestEdgeNode node = edgeNode(0);
        node.nodeBirth();
        node.send("DBIRTH", asset, declared("power.active", 1, MetricDataType.Double, 0.0, at(0)));
        int messages = 600;
        Thread publisher = new Thread(() -> {
            for (int i = 1; i <= messages; i++) {
                node.send("DDATA", asset, byAlias(1, MetricDataType.Double, (double) i, at(i), false));
            }
        });
        publisher.start();
        await().atMost(SETTLE).pollInterval(Duration.ofMillis(20)).until(() -> readings() >= messages / 6);
        first.destroyForcibly().waitFor();
        long atKill = readings();
        assertThat(retained("spBv1.0/STATE/host-" + mission)).as("the host's will, retained")
            .startsWith("{\"online\":false,\"timestamp\":");
        Process second = spawnIngest(clientId, "sp-second");
        publisher.join(60_000);
        await().atMost(SETTLE).until(() -> readings() >= messages + 1);
        assertThat(atKill).as("killed in the middle of the stream").isLessThan(messages + 1);
        assertThat(readings()).isEqualTo(messages + 1);
        assertThat(sum()).isEqualTo((long) messages * (messages + 1) / 2);
        assertThat(deadLetters()).as("no good message dead-lettered after the restart").isZero();
        assertThat(node.commands()).as("no rebirth needed: the sessions were restored").isEmpty();
        second.destroy();
        second.waitFor();
        clearRetained("spBv1.0/STATE/host-" + mission);
    }

    private Date at(int seconds) {
        return Date.from(base.plusSeconds(seconds));
    }

    private TestEdgeNode edgeNode(long bdSeq) {
        TestEdgeNode node = new TestEdgeNode(TestServices.mqttUrl(), mission, camp, bdSeq).connect();
        closeLater.add(node);
        return node;
    }

    private IngestService startIngest(String name) {
        return startIngest(name, "host-" + mission);
    }

    private IngestService startIngest(String name, String host) {
        return startIngest(name, host, mission);
    }

    private IngestService startIngest(String name, String host, String group) {
        IngestConfig config = IngestProcess.config(db.url(), db.user(), db.password(), TestServices.mqttUrl(),
            "ingest-" + name + "-" + mission, TopicAddress.telemetryFilter(mission), 0)
            .withSparkplug(new SparkplugConfig(true, host, group, Duration.ofSeconds(5), 10_000, true));
        IngestService service = new IngestService(config, Clock.systemUTC());
        service.start();
        closeLater.add(() -> service.stop(Duration.ofSeconds(10)));
        closeLater.add(() -> clearRetained("spBv1.0/STATE/" + host));
        return service;
    }

    private Process spawnIngest(String clientId, String name) throws IOException {
        Process process = IngestProcess.spawn(db, clientId, TopicAddress.telemetryFilter(mission), name,
            List.of("-D" + IngestProcess.SPARKPLUG_HOST + "=host-" + mission), SETTLE);
        closeLater.add(process::destroyForcibly);
        return process;
    }

    /**
     * The retained host offline message on {@code topic}: one subscriber with Retain As Published, so that a
     * message already retained (sent on subscribing) and one retained while it listens (the will, published when
     * the ingest dies) both arrive with their retain flag; awaited with a deadline.
     */
    private String retained(String topic) throws MqttException {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        MqttClient c = new MqttClient(TestServices.mqttUrl(), "retained-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            c.setCallback(new MessageListener() {
                @Override
                public void messageArrived(String t, MqttMessage m) {
                    if (m.isRetained()) {
                        seen.add(new String(m.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            });
            c.connect(new MqttConnectionOptions());
            MqttSubscription subscription = new MqttSubscription(topic, 1);
            subscription.setRetainAsPublished(true);
            c.subscribe(new MqttSubscription[] {subscription});
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(50))
                .until(() -> seen.stream().anyMatch(p -> p.contains("\"online\":false")));
            return seen.stream().filter(p -> p.contains("\"online\":false")).findFirst().orElseThrow();
        } finally {
            if (c.isConnected()) {
                c.disconnect();
            }
            c.close();
        }
    }

    private static void clearRetained(String topic) throws Exception {
        MqttClient c = new MqttClient(TestServices.mqttUrl(), "clear-" + UUID.randomUUID(), new MemoryPersistence());
        c.connect(new MqttConnectionOptions());
        c.publish(topic, new byte[0], 1, true);
        c.disconnect();
        c.close();
    }

    private static Payload parse(MqttMessage m) {
        try {
            return Payload.parseFrom(m.getPayload());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String status() {
        try (var c = db.connect(); var s = c.prepareStatement("SELECT status FROM gateways WHERE camp_id = ?")) {
            s.setString(1, camp);
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long readings() {
        return db.queryLong("SELECT count(*) FROM readings r JOIN assets a ON a.ref = r.asset_ref"
            + " WHERE a.id LIKE '" + mission + "-%'");
    }

    private long sum() {
        return db.queryLong("SELECT coalesce(sum(value), 0)::bigint FROM readings r JOIN assets a"
            + " ON a.ref = r.asset_ref WHERE a.id LIKE '" + mission + "-%'");
    }

    private long deadLetters() {
        return db.queryLong("SELECT count(*) FROM dead_letters WHERE topic LIKE 'spBv1.0/" + mission + "/%'");
    }

    private long deadLetters(String reason) {
        return db.queryLong("SELECT count(*) FROM dead_letters WHERE topic LIKE 'spBv1.0/" + mission
            + "/%' AND reason_code = '" + reason + "'");
    }

    private void awaitReadings(long n) {
        await().atMost(SETTLE).until(() -> readings() >= n);
        assertThat(readings()).isEqualTo(n);
    }
}

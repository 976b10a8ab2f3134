package org.smartcamp.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.mqtt.MessageListener;
import org.smartcamp.ingest.testsupport.MosquittoProcess;

/**
 * The broker configuration shipped in deploy/mosquitto, run by a real Mosquitto: each gateway publishes only on
 * its own telemetry topic, the ingest's user reads every camp's telemetry through a shared subscription, and
 * nobody gets in without a valid password.
 */
class BrokerAclIT {
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int PACKET_TOO_LARGE = 0x95;
    /** PUBACK: accepted, nobody subscribed (a success code). */
    private static final int NO_MATCHING_SUBSCRIBERS = 0x10;
    private static final String PERSISTENT_INGEST = "smartcamp-ingest-2";
    private static final String CAMP_A_GW = "unmiss/camp-a/gw-1";
    private static final String CAMP_B_GW = "unmiss/camp-b/gw-1";
    /** The gateway of the bundled small-outpost scenario. */
    private static final String OUTPOST_GW = "unmiss/outpost1/gw-1";
    /** The Sparkplug B edge node of the shipped ACL's example block. */
    private static final String EDGE_NODE = "sparkplug@unmiss@camp-a";

    private static MosquittoProcess broker;
    private static int gatewayPort;
    private static int internalPort;
    private static String campAPassword;
    private static String campBPassword;
    private static String outpostPassword;
    private static String edgeNodePassword;
    private static MqttAsyncClient ingest;
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTheShippedBroker() throws Exception {
        assumeThat(MosquittoProcess.executable("mosquitto")).as("mosquitto installed").isPresent();
        assumeThat(MosquittoProcess.executable("mosquitto_passwd")).as("mosquitto_passwd installed").isPresent();
        Path dir = Files.createTempDirectory("smartcamp-acl");
        gatewayPort = MosquittoProcess.freePort();
        internalPort = MosquittoProcess.freePort();
        Files.writeString(dir.resolve("mosquitto.conf"), ShippedBrokerConfig.adapt(dir, gatewayPort, internalPort));
        Files.copy(ShippedBrokerConfig.dir().resolve("acl"), dir.resolve("acl"));
        writePasswords(dir.resolve("passwd"), dir.resolve("passwd-services"));
        broker = MosquittoProcess.start(dir.resolve("mosquitto.conf"), dir.resolve("mosquitto.log"), gatewayPort,
            internalPort);
        ingest = connect(internalPort, "smartcamp-ingest-1", "smartcamp-ingest", "ingest-secret");
        ingest.setCallback(new MessageListener() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                RECEIVED.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
        ingest.subscribe(new MqttSubscription[] {
            new MqttSubscription("$share/ingest/smartcamp/v1/+/+/+/telemetry", 1)}).waitForCompletion(5_000);
    }

    @AfterAll
    static void stopBroker() throws MqttException {
        if (ingest != null) {
            ingest.disconnect().waitForCompletion(5_000);
            ingest.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aGatewayPublishesOnItsOwnTopicAndTheIngestReceivesIt() throws Exception {
        try (Client gw = new Client(connect(gatewayPort, "any-id", CAMP_A_GW, campAPassword))) {
            assertThat(publish(gw.mqtt, "smartcamp/v1/unmiss/camp-a/gw-1/telemetry", "own")).isZero();
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> RECEIVED.contains("smartcamp/v1/unmiss/camp-a/gw-1/telemetry own"));
    }

    @Test
    void smartcampSimulatePublishesAsTheGatewayConfiguredInTheEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("SMARTCAMP_MQTT_URL", "tcp://127.0.0.1:" + gatewayPort,
            "SMARTCAMP_MQTT_USERNAME", OUTPOST_GW, "SMARTCAMP_MQTT_PASSWORD", outpostPassword));

        Launcher.Run run = Launcher.run(env, "simulate", "--scenario", "small-outpost", "--start", "now",
            "--duration", "2h");

        assertThat(run.exit()).as(run.err()).isZero();
        await().atMost(Duration.ofSeconds(10))
            .until(() -> RECEIVED.stream().anyMatch(m -> m.startsWith("smartcamp/v1/unmiss/outpost1/gw-1/telemetry ")));
    }

    @Test
    void aGatewayIsRefusedOnAnotherCampsTopicAndAsAnotherGatewayOfItsCamp() throws Exception {
        assertRefused("smartcamp/v1/unmiss/camp-b/gw-1/telemetry", "forged-b");
        assertRefused("smartcamp/v1/unmiss/camp-a/gw-2/telemetry", "forged-gw2");
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).as("CONNACK").isZero();
            assertThat(gw.publish("smartcamp/v1/unmiss/camp-a/gw-1/telemetry", "marker")).isZero();
        }
        // The marker was published after the refused messages: once it is in, they would have been too.
        await().atMost(Duration.ofSeconds(10))
            .until(() -> RECEIVED.contains("smartcamp/v1/unmiss/camp-a/gw-1/telemetry marker"));
        assertThat(RECEIVED).noneMatch(m -> m.contains("forged"));
    }

    @Test
    void aGatewayReceivesNoTelemetryEvenWhenItsSubscriptionIsGranted() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (Client gw = new Client(connect(gatewayPort, "any-id", CAMP_A_GW, campAPassword));
             RawMqtt5Client publisher = new RawMqtt5Client(gatewayPort)) {
            gw.mqtt.setCallback(new MessageListener() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    seen.add(topic);
                }
            });
            // Mosquitto 2.0 grants the SUBACK and applies the read ACL when it delivers.
            gw.mqtt.subscribe(new MqttSubscription[] {new MqttSubscription("smartcamp/v1/+/+/+/telemetry", 1)})
                .waitForCompletion(5_000);
            assertThat(publisher.connect("b", CAMP_B_GW, campBPassword)).isZero();
            assertThat(publisher.publish("smartcamp/v1/unmiss/camp-b/gw-1/telemetry", "b-data")).isZero();
            await().atMost(Duration.ofSeconds(10))
                .until(() -> RECEIVED.contains("smartcamp/v1/unmiss/camp-b/gw-1/telemetry b-data"));
            assertThat(gw.mqtt.isConnected()).isTrue();
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void aGatewayCannotTakeOverTheIngestsSessionByItsClientId() throws Exception {
        try (Client gw = new Client(connect(gatewayPort, "smartcamp-ingest-1", CAMP_A_GW, campAPassword))) {
            assertThat(publish(gw.mqtt, "smartcamp/v1/unmiss/camp-a/gw-1/telemetry", "after-takeover")).isZero();
        }
        await().atMost(Duration.ofSeconds(10))
            .until(() -> RECEIVED.contains("smartcamp/v1/unmiss/camp-a/gw-1/telemetry after-takeover"));
        assertThat(ingest.isConnected()).as("the ingest keeps its connection").isTrue();
    }

    /**
     * Issue 13, D14: a gateway that connected to the internal listener with the ingest's client id and a clean start
     * wiped the ingest's session and the telemetry queued in it. Its credentials are now refused there, and on its
     * own listener its client id is its user name, so the ingest's session keeps its queue.
     */
    @Test
    void aGatewayUsingTheIngestsClientIdWithACleanStartDoesNotWipeItsSessionOrQueue() throws Exception {
        String topic = "smartcamp/v1/unmiss/camp-a/gw-1/telemetry";
        MqttAsyncClient away = persistentIngest();
        away.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}).waitForCompletion(5_000);
        away.disconnect().waitForCompletion(5_000);
        away.close();
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).isZero();
            assertThat(gw.publish(topic, "queued-for-the-ingest")).isZero();
        }

        try (RawMqtt5Client internal = new RawMqtt5Client(internalPort);
             RawMqtt5Client external = new RawMqtt5Client(gatewayPort)) {
            assertThat(internal.connect(PERSISTENT_INGEST, CAMP_A_GW, campAPassword))
                .as("a gateway's credentials on the internal listener").isEqualTo(NOT_AUTHORIZED);
            assertThat(external.connect(PERSISTENT_INGEST, CAMP_A_GW, campAPassword))
                .as("the gateway listener renames the client").isZero();
        }

        List<String> delivered = new CopyOnWriteArrayList<>();
        MqttAsyncClient back = new MqttAsyncClient("tcp://127.0.0.1:" + internalPort, PERSISTENT_INGEST,
            new MemoryPersistence());
        back.setCallback(new MessageListener() {
            @Override
            public void messageArrived(String t, MqttMessage message) {
                delivered.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }
        });
        IMqttToken connected = back.connect(persistentOptions());
        connected.waitForCompletion(5_000);
        try {
            assertThat(connected.getSessionPresent()).as("the ingest's session survived").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains("queued-for-the-ingest"));
        } finally {
            back.disconnect().waitForCompletion(5_000);
            back.close();
        }
    }

    /** Issue 13, D6: a retained publish is refused (the gateway is disconnected) and nothing is retained. */
    @Test
    void aRetainedPublishIsRefusedAndNothingIsReplayedToANewSubscription() throws Exception {
        String topic = "smartcamp/v1/unmiss/camp-a/gw-1/telemetry";
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).isZero();
            assertThat(gw.publish(topic, bytes("retained-one"), true)).as("answer to a retained publish").isNotZero();
            assertThat(gw.closedByBroker()).as("disconnected after a retained publish").isTrue();
        }
        assertNothingRetainedBeforeAMarker(topic, "retained-one");
    }

    /** Issue 13, D5: a publish over the ingest's payload limit is refused at the broker: PUBACK "packet too large". */
    @Test
    void aPublishOverThePayloadLimitIsRefusedAndNeverForwarded() throws Exception {
        String topic = "smartcamp/v1/unmiss/camp-a/gw-1/telemetry";
        byte[] large = new byte[300 * 1024];
        Arrays.fill(large, (byte) 'x');
        large[0] = 'L';
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).isZero();
            assertThat(gw.publish(topic, large, false)).as("PUBACK reason code").isEqualTo(PACKET_TOO_LARGE);
        }
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).isZero();
            assertThat(gw.publish(topic, "after-large")).isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> RECEIVED.contains(topic + " after-large"));
        assertThat(RECEIVED).noneMatch(m -> m.startsWith(topic + " Lxxx"));
    }

    /** Sparkplug B (issue 15): an edge node writes only its own topics; the ingest may command it and post STATE. */
    @Test
    void aSparkplugEdgeNodePublishesOnlyItsOwnTopicsAndTheIngestMayRequestARebirth() throws Exception {
        try (RawMqtt5Client node = new RawMqtt5Client(gatewayPort)) {
            assertThat(node.connect("n", EDGE_NODE, edgeNodePassword)).isZero();
            assertThat(node.publish("spBv1.0/unmiss/NBIRTH/camp-a", "birth")).isIn(0, NO_MATCHING_SUBSCRIBERS);
            assertThat(node.publish("spBv1.0/unmiss/DDATA/camp-a/gen-1", "data")).isIn(0, NO_MATCHING_SUBSCRIBERS);
        }
        for (String forged : List.of("spBv1.0/unmiss/NBIRTH/camp-b", "spBv1.0/unmiss/NCMD/camp-a",
                "spBv1.0/STATE/smartcamp", "smartcamp/v1/unmiss/camp-a/gw-1/telemetry")) {
            try (RawMqtt5Client node = new RawMqtt5Client(gatewayPort)) {
                assertThat(node.connect("n", EDGE_NODE, edgeNodePassword)).isZero();
                assertThat(node.publish(forged, "forged")).as("PUBACK on %s", forged).isEqualTo(NOT_AUTHORIZED);
            }
        }
        try (RawMqtt5Client host = new RawMqtt5Client(internalPort)) {
            assertThat(host.connect("host", "smartcamp-ingest", "ingest-secret")).isZero();
            assertThat(host.publish("spBv1.0/unmiss/NCMD/camp-a", "rebirth")).isIn(0, NO_MATCHING_SUBSCRIBERS);
            assertThat(host.publish("spBv1.0/STATE/smartcamp", "{\"online\":true,\"timestamp\":1}"))
                .isIn(0, NO_MATCHING_SUBSCRIBERS);
        }
    }

    @Test
    void anonymousClientsAreRefusedOnBothListeners() throws Exception {
        for (int port : new int[] {gatewayPort, internalPort}) {
            try (RawMqtt5Client anonymous = new RawMqtt5Client(port)) {
                assertThat(anonymous.connect("anon", null, null)).as("CONNACK on %d", port).isEqualTo(NOT_AUTHORIZED);
            }
        }
        assertThatThrownBy(() -> connect(gatewayPort, "anon", null, null))
            .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        try (RawMqtt5Client wrong = new RawMqtt5Client(gatewayPort);
             RawMqtt5Client ingestWithGatewayPassword = new RawMqtt5Client(internalPort)) {
            assertThat(wrong.connect("x", CAMP_A_GW, "wrong")).isEqualTo(NOT_AUTHORIZED);
            assertThat(ingestWithGatewayPassword.connect("x", "smartcamp-ingest", campAPassword))
                .isEqualTo(NOT_AUTHORIZED);
        }
    }

    /** A new subscription (retained messages asked for) gets a marker published after it, and no retained copy. */
    private void assertNothingRetainedBeforeAMarker(String topic, String retained) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttAsyncClient reader = connect(internalPort, "retain-check", "smartcamp-ingest", "ingest-secret");
        try {
            reader.setCallback(new MessageListener() {
                @Override
                public void messageArrived(String t, MqttMessage message) {
                    seen.add(new String(message.getPayload(), StandardCharsets.UTF_8));
                }
            });
            reader.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}).waitForCompletion(5_000);
            try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
                assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).isZero();
                assertThat(gw.publish(topic, "marker-" + retained)).isZero();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("marker-" + retained));
            assertThat(seen).doesNotContain(retained);
        } finally {
            reader.disconnect().waitForCompletion(5_000);
            reader.close();
        }
    }

    private static MqttAsyncClient persistentIngest() throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + internalPort, PERSISTENT_INGEST,
            new MemoryPersistence());
        client.connect(persistentOptions()).waitForCompletion(5_000);
        return client;
    }

    private static MqttConnectionOptions persistentOptions() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(300L);
        options.setUserName("smartcamp-ingest");
        options.setPassword(bytes("ingest-secret"));
        return options;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Mosquitto 2.0.11 answers a forbidden QoS 1 publish with PUBACK 0x87 (not authorised), then disconnects. */
    private static void assertRefused(String topic, String payload) throws IOException {
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).as("CONNACK").isZero();
            assertThat(gw.publish(topic, payload)).as("PUBACK reason code on %s", topic).isEqualTo(NOT_AUTHORIZED);
            assertThat(gw.closedByBroker()).as("disconnected after the refusal").isTrue();
        }
    }

    /**
     * The gateways with SmartCamp's generator in the gateways' file, the ingest's user with Mosquitto's own tool in
     * the services' file (same format), as deploy/mosquitto/passwd.example says.
     */
    private static void writePasswords(Path passwd, Path services) throws IOException, InterruptedException {
        MosquittoPasswordFile file = new MosquittoPasswordFile(new SecureRandom());
        campAPassword = file.newPassword(24);
        file.put(new BrokerUser(CAMP_A_GW, campAPassword));
        campBPassword = file.newPassword(24);
        file.put(new BrokerUser(CAMP_B_GW, campBPassword));
        outpostPassword = file.newPassword(24);
        file.put(new BrokerUser(OUTPOST_GW, outpostPassword));
        edgeNodePassword = file.newPassword(24);
        file.put(new BrokerUser(EDGE_NODE, edgeNodePassword));
        Files.writeString(passwd, file.text());
        Process p = new ProcessBuilder(MosquittoProcess.executable("mosquitto_passwd").orElseThrow().toString(),
            "-c", "-b", services.toString(), "smartcamp-ingest", "ingest-secret").inheritIO().start();
        assertThat(p.waitFor()).isZero();
        for (Path f : new Path[] {passwd, services}) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static MqttAsyncClient connect(int port, String clientId, String user, String password)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(5);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        try {
            client.connect(options).waitForCompletion(5_000);
        } catch (MqttException e) {
            client.close();
            throw e;
        }
        return client;
    }

    /** The PUBACK's reason code of a QoS 1 publish. */
    private static int publish(MqttAsyncClient client, String topic, String payload) {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        try {
            IMqttToken token = client.publish(topic, message);
            token.waitForCompletion(5_000);
            return token.getReasonCodes()[0];
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    private record Client(MqttAsyncClient mqtt) implements AutoCloseable {
        @Override
        public void close() throws MqttException {
            if (mqtt.isConnected()) {
                mqtt.disconnect().waitForCompletion(5_000);
            }
            mqtt.close();
        }
    }
}

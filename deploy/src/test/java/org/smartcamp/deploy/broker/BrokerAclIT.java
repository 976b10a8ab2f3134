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
    private static final String CAMP_A_GW = "unmiss/camp-a/gw-1";
    private static final String CAMP_B_GW = "unmiss/camp-b/gw-1";
    /** The gateway of the bundled small-outpost scenario. */
    private static final String OUTPOST_GW = "unmiss/outpost1/gw-1";

    private static MosquittoProcess broker;
    private static int gatewayPort;
    private static int internalPort;
    private static String campAPassword;
    private static String campBPassword;
    private static String outpostPassword;
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
        writePasswords(dir.resolve("passwd"));
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

    /** Mosquitto 2.0.11 answers a forbidden QoS 1 publish with PUBACK 0x87 (not authorised), then disconnects. */
    private static void assertRefused(String topic, String payload) throws IOException {
        try (RawMqtt5Client gw = new RawMqtt5Client(gatewayPort)) {
            assertThat(gw.connect("gw", CAMP_A_GW, campAPassword)).as("CONNACK").isZero();
            assertThat(gw.publish(topic, payload)).as("PUBACK reason code on %s", topic).isEqualTo(NOT_AUTHORIZED);
            assertThat(gw.closedByBroker()).as("disconnected after the refusal").isTrue();
        }
    }

    /** The ingest's user with Mosquitto's own tool, the gateways with SmartCamp's generator (same file format). */
    private static void writePasswords(Path passwd) throws IOException, InterruptedException {
        MosquittoPasswordFile file = new MosquittoPasswordFile(new SecureRandom());
        campAPassword = file.newPassword(24);
        file.put(new BrokerUser(CAMP_A_GW, campAPassword));
        campBPassword = file.newPassword(24);
        file.put(new BrokerUser(CAMP_B_GW, campBPassword));
        outpostPassword = file.newPassword(24);
        file.put(new BrokerUser(OUTPOST_GW, outpostPassword));
        Files.writeString(passwd, file.text());
        Process p = new ProcessBuilder(MosquittoProcess.executable("mosquitto_passwd").orElseThrow().toString(),
            "-b", passwd.toString(), "smartcamp-ingest", "ingest-secret").inheritIO().start();
        assertThat(p.waitFor()).isZero();
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-r--r--"));
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

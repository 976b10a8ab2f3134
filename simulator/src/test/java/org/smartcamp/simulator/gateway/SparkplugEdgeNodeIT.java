package org.smartcamp.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.mqtt.MessageListener;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryBatch;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.sparkplug.SparkplugTopic;
import org.smartcamp.simulator.GatewaySummary;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.StartTime;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugEdgeNode;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugTopics;
import org.smartcamp.simulator.scenario.MissionSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.OutageWindow;

/**
 * Against the real broker, a host's view of a simulated camp published as a Sparkplug B edge node (subscribed to
 * {@code spBv1.0/#} of its group): births before data, data by alias, one unbroken sequence, every reading once
 * with its event time, the outage's backlog historical, the deaths at the end, and a rebirth when asked.
 */
class SparkplugEdgeNodeIT {
    private static final Duration RUN = Duration.ofHours(6);

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private MqttAsyncClient host;
    private String mission;

    private record Received(String topic, SparkplugBPayload payload, int qos, boolean retained) {
        String type() {
            return topic.split("/")[2];
        }

        String device() {
            String[] levels = topic.split("/");
            return levels.length > 4 ? levels[4] : null;
        }
    }

    @BeforeEach
    void subscribe() throws MqttException {
        mission = "sp-" + UUID.randomUUID().toString().substring(0, 8);
        host = new MqttAsyncClient(TestServices.mqttUrl(), "host-" + mission, new MemoryPersistence());
        host.setCallback(new Collector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        host.connect(options).waitForCompletion(10_000);
        host.subscribe(SparkplugTopic.NAMESPACE + "/" + mission + "/#", 1).waitForCompletion(10_000);
    }

    @AfterEach
    void close() throws MqttException {
        host.disconnect().waitForCompletion(5_000);
        host.close();
    }

    @Test
    void aSimulatedCampIsBornSendsEveryReadingOnceByAliasInSequenceAndDies() throws Exception {
        Scenario base = ScenarioLoader.load("test-camp");
        Instant start = StartTime.resolve("now", RUN, Clock.systemUTC());
        Scenario scenario = new Scenario(base.header(), new MissionSpec(mission, "IT"), base.camp(),
            base.environment(), base.plant(), base.vehicles(), base.water(), base.gateways(), base.events())
            .with(null, start, RUN);
        SparkplugTelemetrySink sink = new SparkplugTelemetrySink(MqttPublisherConfig.of(TestServices.mqttUrl()));
        SimulationResult result;
        try (sink) {
            result = new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty()
            && received.get(received.size() - 1).type().equals("NDEATH"));

        List<Received> all = List.copyOf(received);
        String camp = scenario.camp().id();
        assertThat(all).allSatisfy(r -> {
            assertThat(r.topic()).startsWith("spBv1.0/" + mission + "/").contains("/" + camp);
            assertThat(r.qos()).as("QoS of %s", r.topic()).isEqualTo(1);
            assertThat(r.retained()).isFalse();
        });
        assertThat(all.get(0).type()).isEqualTo("NBIRTH");
        assertUnbrokenSequence(all);

        Map<Long, String> aliases = new HashMap<>();
        Set<String> born = new HashSet<>();
        Set<String> unique = new HashSet<>();
        long readings = 0;
        List<Metric> historical = new ArrayList<>();
        for (Received r : all) {
            if (r.type().equals("DBIRTH")) {
                born.add(r.device());
                for (Metric m : r.payload().getMetrics()) {
                    assertThat(m.getName()).isNotNull();
                    assertThat(aliases.put(m.getAlias(), r.device() + "|" + m.getName()))
                        .as("alias %d", m.getAlias()).isIn(null, r.device() + "|" + m.getName());
                }
            } else if (r.type().equals("DDATA")) {
                assertThat(born).as("DBIRTH before DDATA of %s", r.device()).contains(r.device());
                for (Metric m : r.payload().getMetrics()) {
                    assertThat(m.getName()).isNull();
                    String key = aliases.get(m.getAlias());
                    assertThat(key).as("alias %d declared", m.getAlias()).startsWith(r.device() + "|");
                    unique.add(key + "|" + m.getTimestamp().getTime());
                    readings++;
                    if (m.isHistorical()) {
                        historical.add(m);
                    }
                }
            }
        }
        long resent = result.summary().gateways().stream().mapToLong(GatewaySummary::resentReadings).sum();
        assertThat(readings).isEqualTo(result.summary().readings() + resent);
        assertThat((long) unique.size()).isEqualTo(result.summary().readings());
        assertThat(sink.readingsDelivered()).containsEntry(new SparkplugTopics(mission, camp), readings);

        OutageWindow outage = result.truth().outages().get(0);
        assertThat((long) historical.size()).isEqualTo(outage.backlogReadings());
        assertThat(historical).allSatisfy(m -> assertThat(m.getTimestamp().toInstant())
            .isBetween(outage.start(), outage.end()));

        List<Received> tail = all.subList(all.size() - born.size() - 1, all.size());
        assertThat(tail.subList(0, born.size())).extracting(Received::type).containsOnly("DDEATH");
        assertThat(tail.subList(0, born.size())).extracting(Received::device).containsExactlyInAnyOrderElementsOf(
            born);
        assertThat(tail.get(born.size()).payload().getMetrics()).extracting(Metric::getName)
            .containsExactly(SparkplugEdgeNode.BD_SEQ);
    }

    @Test
    void anNcmdRebirthBringsNewBirthsAndTheSequenceGoesOnFromThem() throws Exception {
        Instant t0 = Instant.now().minusSeconds(600);
        TopicAddress address = new TopicAddress(mission, "camp-r", "gw-1");
        try (SparkplugTelemetrySink sink = new SparkplugTelemetrySink(MqttPublisherConfig.of(
                TestServices.mqttUrl()))) {
            sink.send(message(address, t0, "camp-r-gen-1", "camp-r-tank-1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> count("DDATA") == 2);

            MqttMessage rebirth = new MqttMessage(new SparkplugBPayloadEncoder().getBytes(new SparkplugBPayload(
                new Date(), List.of(new Metric.MetricBuilder(SparkplugEdgeNode.REBIRTH, MetricDataType.Boolean, true)
                .createMetric())), false));
            rebirth.setQos(1);
            host.publish(new SparkplugTopics(mission, "camp-r").commands(), rebirth).waitForCompletion(5_000);
            await().atMost(Duration.ofSeconds(20)).until(() -> count("NBIRTH") == 2 && count("DBIRTH") == 4);
            assertThat(sink.rebirthRequests()).isEqualTo(1);

            sink.send(message(address, t0.plusSeconds(60), "camp-r-gen-1"));
            await().atMost(Duration.ofSeconds(20)).until(() -> count("DDATA") == 3);
        }
        List<Received> all = List.copyOf(received);
        List<String> types = all.stream().map(Received::type).toList();
        int command = types.indexOf("NCMD");
        assertThat(types.subList(command, types.size())).containsExactly("NCMD", "NBIRTH", "DBIRTH", "DBIRTH",
            "DDATA", "DDEATH", "DDEATH", "NDEATH");
        assertUnbrokenSequence(all.stream().filter(r -> !r.type().equals("NCMD")).toList());
        Received data = all.stream().filter(r -> r.type().equals("DDATA")).reduce((a, b) -> b).orElseThrow();
        assertThat(data.payload().getSeq()).as("the first DDATA after NBIRTH and two DBIRTHs").isEqualTo(3);
    }

    private static OutgoingMessage message(TopicAddress address, Instant ts, String... assets) {
        List<Reading> readings = new ArrayList<>();
        for (String asset : assets) {
            readings.add(Reading.of(asset, "power.active", ts, 12.5));
        }
        return new OutgoingMessage(address, new TelemetryBatch(0, ts, readings), new byte[0], false);
    }

    /** Every message but NDEATH (and host commands) has a sequence number one up from the one before, mod 256. */
    private static void assertUnbrokenSequence(List<Received> messages) {
        long expected = 0;
        for (Received r : messages) {
            if (r.type().equals("NDEATH")) {
                continue;
            }
            if (r.type().equals("NBIRTH")) {
                expected = 0;
            }
            assertThat(r.payload().getSeq()).as("seq of %s", r.topic()).isEqualTo(expected);
            expected = (expected + 1) % 256;
        }
    }

    private long count(String type) {
        synchronized (received) {
            return received.stream().filter(r -> r.type().equals(type)).count();
        }
    }

    private final class Collector extends MessageListener {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                received.add(new Received(topic, new SparkplugBPayloadDecoder().buildFromByteArray(
                    message.getPayload(), null), message.getQos(), message.isRetained()));
            } catch (Exception e) {
                throw new IllegalStateException("undecodable payload on " + topic, e);
            }
        }
    }
}

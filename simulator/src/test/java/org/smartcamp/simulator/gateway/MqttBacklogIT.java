package org.smartcamp.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.mqtt.MessageListener;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.simulator.GatewaySummary;
import org.smartcamp.simulator.ProgressListener;
import org.smartcamp.simulator.SimulationResult;
import org.smartcamp.simulator.SimulationRunner;
import org.smartcamp.simulator.Speed;
import org.smartcamp.simulator.StartTime;
import org.smartcamp.simulator.scenario.MissionSpec;
import org.smartcamp.simulator.scenario.Scenario;
import org.smartcamp.simulator.scenario.ScenarioLoader;
import org.smartcamp.simulator.truth.OutageWindow;

/**
 * Against the real broker: a simulated outage's backlog reaches a subscriber with the original event times,
 * every reading arrives, and the publisher's per-gateway counts match what the gateways sent.
 */
class MqttBacklogIT {
    private static final Duration RUN = Duration.ofHours(6);

    private final List<DecodedMessage> received = Collections.synchronizedList(new ArrayList<>());
    private final TelemetryDecoder decoder = new TelemetryDecoder(WireLimits.V1, Clock.systemUTC());
    private MqttAsyncClient subscriber;
    private Scenario scenario;

    @BeforeEach
    void subscribe() throws MqttException {
        Scenario base = ScenarioLoader.load("test-camp");
        String mission = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = StartTime.resolve("now", RUN, Clock.systemUTC());
        scenario = new Scenario(base.header(), new MissionSpec(mission, "IT"), base.camp(), base.environment(),
            base.plant(), base.vehicles(), base.water(), base.gateways(), base.events()).with(null, start, RUN);

        subscriber = new MqttAsyncClient(TestServices.mqttUrl(), "sub-" + mission, new MemoryPersistence());
        subscriber.setCallback(new Collector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        subscriber.connect(options).waitForCompletion(10_000);
        subscriber.subscribe(TopicAddress.telemetryFilter(mission), 1).waitForCompletion(10_000);
    }

    @AfterEach
    void close() throws MqttException {
        subscriber.disconnect().waitForCompletion(5_000);
        subscriber.close();
    }

    @Test
    void theBacklogOfAnOutageArrivesWithItsOriginalTimesAndNothingIsLost() throws Exception {
        MqttTelemetrySink sink = new MqttTelemetrySink(MqttPublisherConfig.of(TestServices.mqttUrl()));
        SimulationResult result;
        try (sink) {
            result = new SimulationRunner().run(scenario, sink, Speed.MAX, ProgressListener.NONE);
        }
        long resent = result.summary().gateways().stream().mapToLong(GatewaySummary::resentReadings).sum();
        long expected = result.summary().readings() + resent;
        await().atMost(Duration.ofSeconds(60)).until(() -> count() >= expected);

        List<Reading> readings = received.stream().flatMap(m -> m.readings().stream()).toList();
        assertThat(received).allMatch(m -> m.rejected().isEmpty());
        assertThat(readings).hasSize((int) expected);
        assertThat(result.summary().readings()).isGreaterThan(10_000);
        Set<String> unique = readings.stream().map(r -> r.asset() + "|" + r.metric() + "|" + r.ts())
            .collect(Collectors.toSet());
        assertThat((long) unique.size()).isEqualTo(result.summary().readings());

        OutageWindow outage = result.truth().outages().get(0);
        assertThat(Duration.between(outage.start(), outage.end())).isEqualTo(Duration.ofHours(3));
        List<DecodedMessage> backlog = received.stream().filter(m -> m.address().gateway().equals("gw-1")
            && m.sent().equals(outage.end())).toList();
        List<Reading> held = backlog.stream().flatMap(m -> m.readings().stream()).toList();
        assertThat(held).hasSize((int) outage.backlogReadings());
        assertThat(held.stream().map(Reading::ts).filter(ts -> ts.isAfter(outage.start().plusSeconds(3600))
            && ts.isBefore(outage.end().minusSeconds(3600)))).hasSizeGreaterThan(1000);
        assertThat(new HashSet<>(backlog.stream().map(DecodedMessage::seq).toList())).hasSize(backlog.size());

        Map<TopicAddress, Long> delivered = sink.readingsDelivered();
        for (GatewaySummary g : result.summary().gateways()) {
            assertThat(delivered.get(g.address())).as(g.address().gateway())
                .isEqualTo(g.readings() + g.resentReadings());
        }
    }

    private long count() {
        synchronized (received) {
            return received.stream().mapToLong(m -> m.readings().size() + m.rejected().size()).sum();
        }
    }

    private final class Collector extends MessageListener {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(decoder.decode(topic, message.getPayload()));
        }
    }
}

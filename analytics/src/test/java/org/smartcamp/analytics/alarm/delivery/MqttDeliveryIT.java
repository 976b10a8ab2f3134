package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.MigratedStore;
import org.smartcamp.ingest.testsupport.TestServices;

/** MQTT notifications to a real Mosquitto: QoS 1, not retained, the payload JSON, the key as a user property. */
class MqttDeliveryIT {
    private static final String TOPIC = "smartcamp/alarms/unmiss/juba1";

    @Test
    void theNotificationIsPublishedOnTheCampsAlarmTopic() throws Exception {
        String url = TestServices.mqttUrl();
        AlarmDisplay display = new AlarmDisplay(url);
        MqttChannel mqtt = new MqttChannel(new MqttChannel.Config(url, "alarms-" + UUID.randomUUID(), null, null,
            Duration.ofSeconds(5)));
        try (MigratedStore store = MigratedStore.create("alarm_mqtt")) {
            OutboxRows rows = new OutboxRows(store.dataSource());
            long rule = rows.rule("theft-juba1", "[{\"type\":\"mqtt\"}]", null, null);
            long alarm = rows.alarm(rule, "critical", Instant.now());
            OutboxRows.Row row = rows.notify(rule, alarm, "raised", "critical", "mqtt", TOPIC, Instant.now());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();

            new AlarmDelivery(DeliveryConfig.defaults(), List.of(mqtt), () -> 0.5)
                .dispatcher(store.dataSource(), registry, Clock.systemUTC()).drain();

            assertThat(rows.status(row.id())).isEqualTo("delivered");
            await().atMost(Duration.ofSeconds(10)).until(() -> !display.received().isEmpty());
            AlarmDisplay.Got first = display.received().get(0);
            assertThat(first.topic()).isEqualTo(TOPIC);
            assertThat(first.message().getQos()).isEqualTo(1);
            assertThat(first.message().isRetained()).isFalse();
            String body = new String(first.message().getPayload(), StandardCharsets.UTF_8);
            assertThat(body).contains("\"idempotencyKey\": \"" + row.key() + "\"", "\"type\": \"alarm.raised\"");
            MqttProperties p = first.message().getProperties();
            assertThat(p.getContentType()).isEqualTo("application/json");
            assertThat(p.getUserProperties()).anySatisfy(u -> {
                assertThat(u.getKey()).isEqualTo("idempotency-key");
                assertThat(u.getValue()).isEqualTo(row.key());
            });
            assertThat(registry.get("smartcamp.alarm.notifications.sent").tag("channel", "mqtt").counter().count())
                .isEqualTo(1);
        } finally {
            mqtt.close();
            display.close();
        }
    }

    @Test
    void aBrokerThatIsAwayIsRetried() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        MqttChannel mqtt = new MqttChannel(new MqttChannel.Config("tcp://127.0.0.1:" + closed, "alarms-away", null,
            null, Duration.ofSeconds(2)));
        var payload = OutboxRows.payload("alarm-1-1-mqtt-000000000000", 1, 1, "raised", "critical", Instant.now());
        DeliveryOutcome outcome = mqtt.deliver(new Notification(1, 1, "r", "mqtt", TOPIC, "en",
            "alarm-1-1-mqtt-000000000000", payload.toString(), payload, 0, Instant.now(), null, null, null));
        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(outcome.reason()).startsWith("MQTT broker tcp://127.0.0.1:" + closed + ": ");
        assertThat(mqtt.deliver(new Notification(1, 1, "r", "mqtt", "smartcamp/alarms/#", "en", "k", "{}", payload,
            0, Instant.now(), null, null, null)).kind()).isEqualTo(DeliveryOutcome.Kind.FAIL);
        mqtt.close();
    }
}

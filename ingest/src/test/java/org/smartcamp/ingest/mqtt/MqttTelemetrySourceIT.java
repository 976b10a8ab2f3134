package org.smartcamp.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.testsupport.TestGateway;
import org.smartcamp.ingest.testsupport.TestServices;

/** The source against the real broker: what it hands out unacknowledged stays within its receive maximum. */
class MqttTelemetrySourceIT {
    private static final int RECEIVE_MAXIMUM = 10;
    private static final int MESSAGES = 200;

    /**
     * Acknowledging in bursts, as the pipeline does after each commit, made Mosquitto 2.0.11 send far past the
     * receive maximum (up to the whole backlog); the source must still hold at most {@code receiveMaximum}.
     */
    @Test
    void holdsAtMostTheReceiveMaximumUnacknowledgedWhileAcknowledgingInBursts() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String topic = "smartcamp/v1/rm" + id + "/camp/gw/telemetry";
        MqttConfig config = new MqttConfig(TestServices.mqttUrl(), "source-it-" + id, null, null, topic, null,
            Duration.ofMinutes(5), RECEIVE_MAXIMUM, Duration.ofSeconds(30), Duration.ofSeconds(10));
        MqttTelemetrySource source = new MqttTelemetrySource(config, Clock.systemUTC());
        ConcurrentLinkedQueue<InboundMessage> held = new ConcurrentLinkedQueue<>();
        Set<String> payloads = ConcurrentHashMap.newKeySet();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        source.onMessage(m -> {
            payloads.add(new String(m.payload(), StandardCharsets.UTF_8));
            most.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            held.add(m);
        });
        ScheduledExecutorService acker = Executors.newSingleThreadScheduledExecutor();
        acker.scheduleWithFixedDelay(() -> {
            for (InboundMessage m = held.poll(); m != null; m = held.poll()) {
                outstanding.decrementAndGet();
                source.acknowledge(m);
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        try (TestGateway gateway = new TestGateway(TestServices.mqttUrl(), "gw-source-it-" + id, 10)) {
            source.start();
            for (int i = 0; i < MESSAGES; i++) {
                gateway.publish(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            }
            gateway.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> payloads.size() == MESSAGES && held.isEmpty());
        } finally {
            acker.shutdownNow();
            source.close();
        }
        assertThat(most.get()).as("most messages held unacknowledged at once").isLessThanOrEqualTo(RECEIVE_MAXIMUM);
    }
}

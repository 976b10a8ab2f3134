package org.smartcamp.simulator.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Publishes simulated telemetry to an MQTT broker with one Paho MQTT v5 client per gateway (QoS 1, bounded
 * in-flight window, reconnects and sends again what was not acknowledged). {@link #close} returns once the broker
 * acknowledged every message. Not thread-safe: one simulation thread sends.
 */
public final class MqttTelemetrySink implements TelemetrySink {
    private final MqttPublisherConfig config;
    private final Map<TopicAddress, GatewayPublisher> publishers = new LinkedHashMap<>();

    public MqttTelemetrySink(MqttPublisherConfig config) {
        this.config = config;
    }

    /**
     * Publishes {@code message} on its gateway's connection, connecting it on first use.
     *
     * @throws TelemetrySinkException when the broker cannot be reached or stops acknowledging
     */
    @Override
    public void send(OutgoingMessage message) {
        publishers.computeIfAbsent(message.address(), this::connect).publish(message);
    }

    /** Readings acknowledged by the broker, per gateway (resent readings count again). */
    public Map<TopicAddress, Long> readingsDelivered() {
        Map<TopicAddress, Long> out = new LinkedHashMap<>();
        publishers.forEach((a, p) -> out.put(a, p.delivered()));
        return out;
    }

    @Override
    public void close() {
        MqttClients.closeAll(publishers.values(), GatewayPublisher::close);
    }

    private GatewayPublisher connect(TopicAddress address) {
        String id = config.clientIdPrefix() + address.mission() + "-" + address.camp() + "-" + address.gateway();
        GatewayPublisher p = new GatewayPublisher(config, id);
        p.connect();
        return p;
    }
}

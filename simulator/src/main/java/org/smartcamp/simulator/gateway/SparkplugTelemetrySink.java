package org.smartcamp.simulator.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugEdgeNode;
import org.smartcamp.simulator.gateway.sparkplug.SparkplugTopics;

/**
 * Publishes simulated telemetry as Sparkplug B: each camp is one edge node (group = mission, edge node = camp, one
 * MQTT connection, client id {@code prefix + mission-camp}), each asset a device. A gateway message becomes one
 * DDATA per asset in it (after a DBIRTH when the asset or one of its metrics is new), marked historical when it is
 * a backlog. {@link #close} returns once the broker acknowledged everything and the deaths are published. Not
 * thread-safe: one simulation thread sends.
 */
public final class SparkplugTelemetrySink implements TelemetrySink {
    private final MqttPublisherConfig config;
    private final Clock clock;
    private final Map<SparkplugTopics, SparkplugPublisher> nodes = new LinkedHashMap<>();

    public SparkplugTelemetrySink(MqttPublisherConfig config) {
        this(config, Clock.systemUTC());
    }

    /** {@code clock} dates the births and deaths (data carry the gateway's send time). */
    public SparkplugTelemetrySink(MqttPublisherConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Publishes {@code message} as its camp's edge node, connecting it (will, births) on first use.
     *
     * @throws TelemetrySinkException when the broker cannot be reached or stops acknowledging
     */
    @Override
    public void send(OutgoingMessage message) {
        TopicAddress a = message.address();
        nodes.computeIfAbsent(new SparkplugTopics(a.mission(), a.camp()), this::connect)
            .publish(fragments(message));
    }

    /** Readings acknowledged by the broker, per edge node (resent readings count again). */
    public Map<SparkplugTopics, Long> readingsDelivered() {
        Map<SparkplugTopics, Long> out = new LinkedHashMap<>();
        nodes.forEach((t, p) -> out.put(t, p.delivered()));
        return out;
    }

    /** NCMD rebirth requests the edge nodes answered, all together. */
    public int rebirthRequests() {
        return nodes.values().stream().mapToInt(SparkplugPublisher::rebirthRequests).sum();
    }

    @Override
    public void close() {
        MqttClients.closeAll(nodes.values(), SparkplugPublisher::close);
    }

    /** The readings of {@code message} per asset, in the order the assets first appear. */
    static List<SparkplugPublisher.Fragment> fragments(OutgoingMessage message) {
        Map<String, List<Reading>> byAsset = new LinkedHashMap<>();
        for (Reading r : message.batch().readings()) {
            byAsset.computeIfAbsent(r.asset(), k -> new ArrayList<>()).add(r);
        }
        List<SparkplugPublisher.Fragment> out = new ArrayList<>(byAsset.size());
        byAsset.forEach((asset, readings) -> out.add(new SparkplugPublisher.Fragment(asset, readings,
            message.backlog(), message.batch().sent())));
        return out;
    }

    private SparkplugPublisher connect(SparkplugTopics topics) {
        SparkplugPublisher p = new SparkplugPublisher(config, config.clientIdPrefix() + topics.group() + "-"
            + topics.edgeNode(), new SparkplugEdgeNode(topics), clock);
        p.connect();
        return p;
    }
}

package org.smartcamp.ingest.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.tahu.message.SparkplugBPayloadEncoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.smartcamp.ingest.mqtt.MessageListener;

/**
 * A Sparkplug B edge node for tests: payloads encoded with Eclipse Tahu's encoder, published at QoS 1 through Paho,
 * NDEATH as its MQTT will, and the NCMD messages it receives recorded.
 */
public final class TestEdgeNode implements AutoCloseable {
    private final String group;
    private final String node;
    private final MqttAsyncClient client;
    private final List<MqttMessage> commands = Collections.synchronizedList(new ArrayList<>());
    private long bdSeq;
    private long seq = -1;

    public TestEdgeNode(String serverUri, String group, String node, long bdSeq) {
        this.group = group;
        this.node = node;
        this.bdSeq = bdSeq;
        try {
            client = new MqttAsyncClient(serverUri, "edge-" + group + "-" + node + "-" + bdSeq,
                new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connects with its NDEATH as will and subscribes to its NCMD topic. */
    public TestEdgeNode connect() {
        try {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            SparkplugBPayload death = new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(new Date())
                .addMetric(metric("bdSeq", MetricDataType.Int64, bdSeq)).createPayload();
            options.setWill(topic("NDEATH", null), new MqttMessage(encode(death), 1, false, null));
            client.connect(options).waitForCompletion(10_000);
            client.setCallback(new MessageListener() {
                @Override
                public void messageArrived(String t, MqttMessage m) {
                    commands.add(m);
                }
            });
            client.subscribe(new MqttSubscription[] {new MqttSubscription(topic("NCMD", null), 1)})
                .waitForCompletion(10_000);
            return this;
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** NBIRTH with seq 0, its bdSeq and the node metrics given (name + alias + datatype). */
    public void nodeBirth(Metric... metrics) {
        seq = -1;
        SparkplugBPayload.SparkplugBPayloadBuilder p = new SparkplugBPayload.SparkplugBPayloadBuilder()
            .setTimestamp(new Date()).setSeq(nextSeq()).addMetric(metric("bdSeq", MetricDataType.Int64, bdSeq))
            .addMetric(metric("Node Control/Rebirth", MetricDataType.Boolean, false));
        for (Metric m : metrics) {
            p.addMetric(m);
        }
        publish(topic("NBIRTH", null), p.createPayload());
    }

    /** A node- or device-level message of {@code type} with the next seq. */
    public void send(String type, String device, Metric... metrics) {
        sendWithSeq(type, device, nextSeq(), metrics);
    }

    /** A message with the given seq (to make a gap); the node's counter goes on from it. */
    public void sendWithSeq(String type, String device, long withSeq, Metric... metrics) {
        seq = withSeq;
        SparkplugBPayload.SparkplugBPayloadBuilder p = new SparkplugBPayload.SparkplugBPayloadBuilder()
            .setTimestamp(new Date()).setSeq(withSeq);
        for (Metric m : metrics) {
            p.addMetric(m);
        }
        publish(topic(type, device), p.createPayload());
    }

    /** NDEATH with the given bdSeq, published by the node itself (as the broker would publish its will). */
    public void nodeDeath(long withBdSeq) {
        publish(topic("NDEATH", null), new SparkplugBPayload.SparkplugBPayloadBuilder().setTimestamp(new Date())
            .addMetric(metric("bdSeq", MetricDataType.Int64, withBdSeq)).createPayload());
    }

    /** Raw bytes on a topic of this node. */
    public void publishRaw(String type, String device, byte[] payload) {
        try {
            client.publish(topic(type, device), new MqttMessage(payload, 1, false, null))
                .waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The NCMD messages received so far. */
    public List<MqttMessage> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    public long bdSeq() {
        return bdSeq;
    }

    /** Drops the connection without DISCONNECT, so the broker publishes the will (NDEATH). */
    public void die() {
        try {
            client.disconnectForcibly(0, 1, false);
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A metric declared with name, alias and datatype (births). */
    public static Metric declared(String name, long alias, MetricDataType type, Object value, Date ts) {
        try {
            return new Metric.MetricBuilder(name, type, value).alias(alias).timestamp(ts).createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A metric by alias only (data). */
    public static Metric byAlias(long alias, MetricDataType type, Object value, Date ts, boolean historical) {
        try {
            return new Metric.MetricBuilder(alias, type, value).timestamp(ts).isHistorical(historical ? true : null)
                .createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Metric metric(String name, MetricDataType type, Object value) {
        try {
            return new Metric.MetricBuilder(name, type, value).timestamp(new Date()).createMetric();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long nextSeq() {
        seq = (seq + 1) % 256;
        return seq;
    }

    private String topic(String type, String device) {
        return "spBv1.0/" + group + "/" + type + "/" + node + (device == null ? "" : "/" + device);
    }

    /**
     * Publishes at QoS 1 and waits for the PUBACK, so that the broker's receive maximum is never exceeded. Paho
     * completes the token before it frees the in-flight slot, so a publish right after may still find the window
     * full ({@code REASON_CODE_MAX_INFLIGHT}): it is tried again after a moment, never dropped.
     */
    private void publish(String topic, SparkplugBPayload payload) {
        MqttMessage m = new MqttMessage(encode(payload), 1, false, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                client.publish(topic, m).waitForCompletion(10_000);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() > deadline) {
                    throw new IllegalStateException(e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private static byte[] encode(SparkplugBPayload payload) {
        try {
            return new SparkplugBPayloadEncoder().getBytes(payload, false);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing a test client
        }
    }
}

package org.smartcamp.simulator.gateway;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's MQTT connection: QoS 1 and a bounded window of unacknowledged messages, so that nothing is
 * dropped by the client and memory stays bounded. A message whose delivery fails (the connection was lost before
 * its PUBACK) is sent again by this class; {@link #close} waits until every message is acknowledged. Each
 * connection starts clean: see {@link MqttClients#options}.
 */
final class GatewayPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPublisher.class);
    private static final int QOS = 1;

    private final MqttPublisherConfig config;
    private final String clientId;
    private final MqttAsyncClient client;
    private final Queue<OutgoingMessage> failed = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private PublishWindow window;

    GatewayPublisher(MqttPublisherConfig config, String clientId) {
        this.config = config;
        this.clientId = clientId;
        try {
            this.client = new MqttAsyncClient(config.serverUri(), clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new TelemetrySinkException("invalid broker address '" + config.serverUri() + "': "
                + e.getMessage(), e);
        }
    }

    /** Connects; blocks until connected. */
    void connect() {
        try {
            IMqttToken token = client.connect(MqttClients.options(config));
            token.waitForCompletion(config.timeout().toMillis());
            window = PublishWindow.of(token, config, clientId);
            LOG.info("Gateway client {} connected to {} (session present: {}, window {})", clientId,
                config.serverUri(), token.getSessionPresent(), window.size());
        } catch (MqttException e) {
            throw new TelemetrySinkException("cannot reach the MQTT broker at " + config.serverUri() + " as "
                + clientId + ": " + MqttClients.describe(e), e);
        }
    }

    /** Publishes at QoS 1; blocks while the window of unacknowledged messages is full. */
    void publish(OutgoingMessage message) {
        OutgoingMessage retry;
        while ((retry = failed.poll()) != null) {
            attempt(retry);
        }
        attempt(message);
    }

    /** Readings whose messages the broker acknowledged. */
    long delivered() {
        return delivered.get();
    }

    private void attempt(OutgoingMessage message) {
        window.acquire();
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (true) {
            try {
                client.publish(message.address().telemetryTopic(), message.payload(), QOS, false, null,
                    new Completion(message));
                return;
            } catch (MqttException e) {
                // Paho frees an in-flight slot just after completing the token that released our window, so
                // "too many publishes in progress" is transient, like a lost connection.
                boolean transientFailure = !client.isConnected()
                    || e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT;
                if (!transientFailure || System.nanoTime() > deadline) {
                    window.release();
                    throw new TelemetrySinkException("cannot publish to " + message.address().telemetryTopic()
                        + ": " + MqttClients.describe(e), e);
                }
                MqttClients.pause();
            }
        }
    }

    /** Waits until everything is acknowledged, then disconnects keeping the session. */
    @Override
    public void close() {
        try {
            if (window != null) {
                window.awaitAcknowledged(failed, this::attempt);
            }
        } finally {
            MqttClients.disconnect(client, config, LOG);
        }
    }

    private final class Completion implements MqttActionListener {
        private final OutgoingMessage message;

        Completion(OutgoingMessage message) {
            this.message = message;
        }

        @Override
        public void onSuccess(IMqttToken token) {
            delivered.addAndGet(message.batch().readings().size());
            window.release();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            LOG.warn("Delivery of message {} of {} failed ({}); sending it again", message.batch().seq(), clientId,
                exception == null ? "unknown" : exception.getMessage());
            failed.add(message);
            window.release();
        }
    }
}

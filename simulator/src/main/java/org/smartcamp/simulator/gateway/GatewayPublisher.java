package org.smartcamp.simulator.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway's MQTT connection: QoS 1 and a bounded window of unacknowledged messages, so that nothing is
 * dropped by the client and memory stays bounded. A message whose delivery fails (the connection was lost before
 * its PUBACK) is sent again by this class; {@link #close} waits until every message is acknowledged. Each
 * connection starts clean: see {@link #options()}.
 */
final class GatewayPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayPublisher.class);
    private static final int QOS = 1;
    private static final long POLL_MS = 50;

    private final MqttPublisherConfig config;
    private final String clientId;
    private final MqttAsyncClient client;
    private final Queue<OutgoingMessage> failed = new ConcurrentLinkedQueue<>();
    private final AtomicLong delivered = new AtomicLong();
    private Semaphore window;
    private int windowSize;

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
            IMqttToken token = client.connect(options());
            token.waitForCompletion(config.timeout().toMillis());
            Integer receiveMax = token.getResponseProperties() == null ? null
                : token.getResponseProperties().getReceiveMaximum();
            windowSize = Math.min(config.maxInflight(), receiveMax == null ? 65_535 : receiveMax);
            window = new Semaphore(windowSize);
            LOG.info("Gateway client {} connected to {} (session present: {}, window {})", clientId,
                config.serverUri(), token.getSessionPresent(), windowSize);
        } catch (MqttException e) {
            throw new TelemetrySinkException("cannot reach the MQTT broker at " + config.serverUri() + " as "
                + clientId + ": " + describe(e), e);
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
        acquire();
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
                        + ": " + describe(e), e);
                }
                pause();
            }
        }
    }

    private void acquire() {
        try {
            if (!window.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TelemetrySinkException("the broker at " + config.serverUri() + " acknowledged nothing for "
                    + config.timeout().toSeconds() + " s (client " + clientId + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetrySinkException("interrupted while waiting for the broker", e);
        }
    }

    /** Waits until everything is acknowledged, then disconnects keeping the session. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        try {
            while (window != null && (window.availablePermits() < windowSize || !failed.isEmpty())) {
                OutgoingMessage retry = failed.poll();
                if (retry != null) {
                    attempt(retry);
                } else if (System.nanoTime() > deadline) {
                    throw new TelemetrySinkException((windowSize - window.availablePermits())
                        + " messages were not acknowledged by the broker (client " + clientId + ")");
                } else {
                    pause();
                }
            }
        } finally {
            disconnect();
        }
    }

    private void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(config.timeout().toMillis()).waitForCompletion(config.timeout().toMillis());
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("Closing {} failed: {}", clientId, e.getMessage());
        }
    }

    /**
     * Clean start on every (re)connection. Paho 1.2.5 replaces the topic of a QoS 1 publish by a topic alias when
     * the broker allows aliases, and after a reconnect into the old session it resends its unacknowledged publishes
     * with that alias only; aliases do not outlive a connection, so the broker refuses them as a protocol error and
     * the gateway never gets through again (seen with Mosquitto 2.0.11 restarted under load). A publisher's session
     * holds nothing else of value: Paho fails the tokens of the lost publishes and {@link Completion} sends them
     * again, at worst twice, which the store keeps once.
     */
    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setConnectionTimeout((int) Math.max(1, config.timeout().toSeconds()));
        if (config.username() != null) {
            options.setUserName(config.username());
        }
        if (config.password() != null) {
            options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetrySinkException("interrupted while waiting for the broker", e);
        }
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
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

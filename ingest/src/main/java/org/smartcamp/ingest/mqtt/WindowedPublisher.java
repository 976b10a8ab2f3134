package org.smartcamp.ingest.mqtt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * A gateway-side QoS 1 publisher: keeps at most {@code window} publishes awaiting the broker's PUBACK and blocks
 * the caller beyond that, so a fast producer is paced by the broker instead of queueing without limit. Used by
 * the simulator's gateways, the bench and the tests. Not thread-safe: one publishing thread per instance.
 */
public final class WindowedPublisher implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;

    private final MqttAsyncClient client;
    private final int window;
    private final Deque<IMqttToken> inFlight = new ArrayDeque<>();

    /**
     * Connects.
     *
     * @param window publishes in flight at most; keep it below the broker's receive maximum (Mosquitto: 20)
     * @throws BrokerUnavailableException when the broker cannot be reached
     */
    public WindowedPublisher(String serverUri, String clientId, int window, boolean cleanStart) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        try {
            client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(cleanStart);
            if (!cleanStart) {
                options.setSessionExpiryInterval(3600L);
            }
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw new BrokerUnavailableException("cannot reach the MQTT broker at " + serverUri + ": "
                + e.getMessage(), e);
        }
        this.window = window;
    }

    /**
     * Publishes at QoS 1; blocks while {@code window} publishes are unacknowledged. Paho completes a token just
     * before it frees the in-flight slot, so "too many publishes in progress" is retried, as a gateway would.
     *
     * @throws IllegalStateException when the broker does not acknowledge within 30 s or the connection is lost
     */
    public void publish(String topic, byte[] payload) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        try {
            while (inFlight.size() >= window) {
                inFlight.removeFirst().waitForCompletion(TIMEOUT_MS);
            }
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            while (true) {
                try {
                    inFlight.addLast(client.publish(topic, message));
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                            || System.nanoTime() > deadline) {
                        throw e;
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
        } catch (MqttException e) {
            throw new IllegalStateException("publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Waits until the broker has acknowledged every publish. */
    public void flush() {
        try {
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().waitForCompletion(TIMEOUT_MS);
            }
        } catch (MqttException e) {
            throw new IllegalStateException("publish failed: " + e.getMessage(), e);
        }
    }

    /** Flushes and disconnects. */
    @Override
    public void close() {
        try {
            flush();
            client.disconnect().waitForCompletion(TIMEOUT_MS);
            client.close();
        } catch (MqttException e) {
            throw new IllegalStateException("publisher did not disconnect cleanly: " + e.getMessage(), e);
        }
    }
}

package org.smartcamp.ingest.testsupport;

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
 * A camp gateway for tests: publishes with QoS 1 through Paho, keeping at most {@code window} publishes in
 * flight (the broker's receive maximum bounds it), and returns only when the broker has acknowledged them.
 */
public final class TestGateway implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;

    private final MqttAsyncClient client;
    private final int window;
    private final Deque<IMqttToken> inFlight = new ArrayDeque<>();

    public TestGateway(String serverUri, String clientId, int window) {
        try {
            client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("test gateway cannot connect to " + serverUri, e);
        }
        this.window = window;
    }

    /**
     * Publishes at QoS 1; blocks while {@code window} publishes are unacknowledged. Paho completes a token just
     * before it frees the in-flight slot, so "too many publishes in progress" is retried, as a gateway would.
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
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Waits until the broker has acknowledged every publish. */
    public void flush() {
        try {
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().waitForCompletion(TIMEOUT_MS);
            }
        } catch (MqttException e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    @Override
    public void close() {
        try {
            flush();
            client.disconnect().waitForCompletion(TIMEOUT_MS);
            client.close();
        } catch (MqttException e) {
            throw new IllegalStateException("test gateway did not disconnect cleanly", e);
        }
    }
}

package org.smartcamp.ingest.testsupport;

import org.smartcamp.ingest.mqtt.WindowedPublisher;

/**
 * A camp gateway for tests: publishes with QoS 1 through Paho, keeping at most {@code window} publishes in
 * flight, and returns from {@link #flush} only when the broker has acknowledged them.
 */
public final class TestGateway implements AutoCloseable {
    private final WindowedPublisher publisher;

    public TestGateway(String serverUri, String clientId, int window) {
        publisher = new WindowedPublisher(serverUri, clientId, window, true);
    }

    /** Publishes at QoS 1; blocks while the window is full. */
    public void publish(String topic, byte[] payload) {
        publisher.publish(topic, payload);
    }

    /** Waits until the broker has acknowledged every publish. */
    public void flush() {
        publisher.flush();
    }

    @Override
    public void close() {
        publisher.close();
    }
}

package org.smartcamp.simulator.gateway;

import java.util.Queue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;

/**
 * The bounded window of unacknowledged QoS 1 messages of one publisher connection: at most the configured number,
 * fewer if the broker's receive maximum is lower, so that the client drops nothing and memory stays bounded.
 */
final class PublishWindow {
    private final Semaphore permits;
    private final int size;
    private final MqttPublisherConfig config;
    private final String clientId;

    private PublishWindow(int size, MqttPublisherConfig config, String clientId) {
        this.permits = new Semaphore(size);
        this.size = size;
        this.config = config;
        this.clientId = clientId;
    }

    /** The window of a connection whose CONNACK is {@code connected}. */
    static PublishWindow of(IMqttToken connected, MqttPublisherConfig config, String clientId) {
        Integer receiveMax = connected.getResponseProperties() == null ? null
            : connected.getResponseProperties().getReceiveMaximum();
        return new PublishWindow(Math.min(config.maxInflight(), receiveMax == null ? 65_535 : receiveMax), config,
            clientId);
    }

    int size() {
        return size;
    }

    /**
     * Takes a place for one message; blocks while the window is full.
     *
     * @throws TelemetrySinkException when the broker acknowledged nothing for the configured timeout
     */
    void acquire() {
        try {
            if (!permits.tryAcquire(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TelemetrySinkException("the broker at " + config.serverUri() + " acknowledged nothing for "
                    + config.timeout().toSeconds() + " s (client " + clientId + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelemetrySinkException("interrupted while waiting for the broker", e);
        }
    }

    /** Gives back the place of a message acknowledged, failed or never sent. */
    void release() {
        permits.release();
    }

    /**
     * Waits until every message is acknowledged, sending again (through {@code resend}) what lands in {@code failed}
     * meanwhile.
     *
     * @throws TelemetrySinkException when messages stay unacknowledged for the configured timeout
     */
    <T> void awaitAcknowledged(Queue<T> failed, Consumer<T> resend) {
        long deadline = System.nanoTime() + config.timeout().toNanos();
        while (unacknowledged() > 0 || !failed.isEmpty()) {
            T retry = failed.poll();
            if (retry != null) {
                resend.accept(retry);
            } else if (System.nanoTime() > deadline) {
                throw new TelemetrySinkException(unacknowledged() + " messages were not acknowledged by the broker"
                    + " (client " + clientId + ")");
            } else {
                MqttClients.pause();
            }
        }
    }

    /** Messages sent and not acknowledged yet. */
    int unacknowledged() {
        return size - permits.availablePermits();
    }
}
